import type { StaffMember } from './staff-accounts';

/** Who and what the whole-loop story is about. */
export const SERVICE = { id: 'mistral-le-chat', name: 'Le Chat', host: 'chat.mistral.ai' };
export const VENDOR = {
  name: 'Mistral AI',
  website: 'https://mistral-ai.example',
  contact: 'Vera Vendor',
  email: 'vera@mistral-ai.example',
};
export const EMPLOYEE = 'erin@corp.example';
export const CONDITIONS = 'Public and internal documents only. No customer or personal data.';
export const OVERRIDE_REASON = "Certificate and scope checked on the certification body's public register";
export const procurement: StaffMember = {
  email: 'pat@corp.example',
  name: 'Pat Procurement',
  role: 'procurement',
  password: 'copper kettle meadow 2291',
};
export const reviewer: StaffMember = {
  email: 'rita@corp.example',
  name: 'Rita Reviewer',
  role: 'reviewer',
  password: 'violet canyon ledger 8804',
};
export const approver: StaffMember = {
  email: 'alex@corp.example',
  name: 'Alex Approver',
  role: 'approver',
  password: 'silver orchard compass 5127',
};
/** The question the reviewer overrides (no certificate was uploaded) and the one flagged as a finding. */
export const OVERRIDDEN_ID = 'gov.iso42001';
export const FLAGGED_ID = 'eval.red_team';
/** The name the vendor's pen-test upload gets (see uploadEvidenceForEveryFileQuestion). */
export const PEN_TEST_FILE = 'evd-pen_test.pdf';
