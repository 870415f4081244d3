import { z } from 'zod';
import type { AssessmentState } from '../assessments/assessment-states';
import { awaitingVendorStates } from '../assessments/assessment-transitions';

/** What the database can hold. `in_review` is no longer chosen by people (see shownVendorStatuses). */
export const vendorStatuses = [
  'prospect',
  'in_review',
  'approved',
  'conditional',
  'rejected',
  'offboarded',
] as const;
export const vendorStatusSchema = z.enum(vendorStatuses);
export type VendorStatus = z.infer<typeof vendorStatusSchema>;

/** Statuses that record a decision about the vendor; an assessment under way does not hide them. */
export const decidedVendorStatuses = ['approved', 'conditional', 'rejected', 'offboarded'] as const;

/** What people may set: a decision, or `prospect` (no decision yet: the assessments tell the rest). */
export const chosenVendorStatuses = ['prospect', ...decidedVendorStatuses] as const;
export const chosenVendorStatusSchema = z.enum(chosenVendorStatuses, {
  message:
    'choose prospect, approved, conditional, rejected or offboarded ("awaiting vendor" and "in review" follow the assessments)',
});
export type ChosenVendorStatus = z.infer<typeof chosenVendorStatusSchema>;

/**
 * What the register shows and filters on: a recorded decision, else where the vendor's assessments
 * stand (the furthest one wins): answered and with reviewers → in review; sent and waiting for the
 * vendor's answers → awaiting vendor; nothing sent or still open → prospect.
 */
export const shownVendorStatuses = [
  'prospect',
  'awaiting_vendor',
  'in_review',
  ...decidedVendorStatuses,
] as const;
export const shownVendorStatusSchema = z.enum(shownVendorStatuses);
export type ShownVendorStatus = z.infer<typeof shownVendorStatusSchema>;

export const inReviewAssessmentStates: readonly AssessmentState[] = ['submitted', 'under_review'];
export const awaitingVendorAssessmentStates: readonly AssessmentState[] = awaitingVendorStates;

export const vendorStatusLabels: Record<ShownVendorStatus, string> = {
  prospect: 'prospect',
  awaiting_vendor: 'awaiting vendor',
  in_review: 'in review',
  approved: 'approved',
  conditional: 'conditional',
  rejected: 'rejected',
  offboarded: 'offboarded',
};
