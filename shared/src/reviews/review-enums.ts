import { z } from 'zod';

/** Why a vendor is on the "Due for review" list. */
export const reviewReasons = [
  'review_date',
  'document_expiry',
  'evidence_expiry',
  'incident',
  'usage_spike',
  'blocked_use_rising',
  'material_change',
] as const;
export type ReviewReason = (typeof reviewReasons)[number];
export const reviewReasonSchema = z.enum(reviewReasons);

export const incidentSeverities = ['low', 'medium', 'high', 'critical'] as const;
export type IncidentSeverity = (typeof incidentSeverities)[number];

/** Where the organisation heard of the incident. */
export const incidentSources = ['vendor_notice', 'news', 'internal', 'regulator', 'other'] as const;
export type IncidentSource = (typeof incidentSources)[number];

/** What a vendor declares has changed since its last assessment. */
export const materialChangeKinds = ['model_provider', 'region', 'training_practice', 'other'] as const;
export type MaterialChangeKind = (typeof materialChangeKinds)[number];

/**
 * A prefilled answer in a reassessment: carried over from the previous cycle and not yet looked at,
 * confirmed unchanged by the vendor, or changed. Null on answers that were not carried over.
 */
export const carriedAnswerStates = ['prefilled', 'confirmed', 'changed'] as const;
export type CarriedAnswerState = (typeof carriedAnswerStates)[number];
