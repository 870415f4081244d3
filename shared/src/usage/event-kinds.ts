import { z } from 'zod';

export const usageEventKinds = [
  'visit',
  'login',
  'paste',
  'upload',
  'api_call',
  'extension_installed',
  'warning_shown',
  'proceeded',
  'blocked',
  'request_submitted',
] as const;
export const usageEventKindSchema = z.enum(usageEventKinds);
export type UsageEventKind = z.infer<typeof usageEventKindSchema>;

/** Whether the account signed in on an AI page belongs to one of the org's email domains. */
export const accountHints = ['work', 'personal', 'unknown'] as const;
export const accountHintSchema = z.enum(accountHints);
export type AccountHint = z.infer<typeof accountHintSchema>;

export const accessRequestStatuses = ['open', 'in_assessment', 'approved', 'rejected', 'withdrawn'] as const;
export const accessRequestStatusSchema = z.enum(accessRequestStatuses);
export type AccessRequestStatus = z.infer<typeof accessRequestStatusSchema>;

export const candidateStatuses = ['open', 'accepted', 'dismissed'] as const;
export type CandidateStatus = (typeof candidateStatuses)[number];
