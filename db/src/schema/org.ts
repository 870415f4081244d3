import { rejectedServiceStates } from '@sightline/shared/decisions/decision-rules';
import { failModes, rolloutModes } from '@sightline/shared/policy/policy-states';
import { boolean, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const rolloutMode = pgEnum('rollout_mode', rolloutModes);
export const failMode = pgEnum('fail_mode', failModes);
export const rejectedServiceState = pgEnum('rejected_service_state', rejectedServiceStates);

/** Tier thresholds on residual risk (0–100): a score at or above a threshold lands in that tier. */
export type TierThresholds = { critical: number; high: number; medium: number };
/** Months between reassessments, by tier. */
export type ReviewCadence = { critical: number; high: number; medium: number; low: number };

/** The single organisation this portal serves (row id 1). */
export const orgSettings = pgTable('org_settings', {
  id: integer('id').primaryKey().default(1),
  name: text('name').notNull().default('My organisation'),
  mode: rolloutMode('mode').notNull().default('coach'),
  failMode: failMode('fail_mode').notNull().default('open'),
  emailDomains: text('email_domains').array().notNull().default([]),
  pseudonymiseUsers: boolean('pseudonymise_users').notNull().default(true),
  /** HMAC key for pseudonymising user hints; generated on first start, never sent to clients. */
  pseudonymSecret: text('pseudonym_secret').notNull(),
  rawEventRetentionDays: integer('raw_event_retention_days').notNull().default(180),
  proceedOnceMinutes: integer('proceed_once_minutes').notNull().default(60),
  assessmentGraceDays: integer('assessment_grace_days').notNull().default(14),
  tierThresholds: jsonb('tier_thresholds')
    .$type<TierThresholds>()
    .notNull()
    .default({ critical: 70, high: 40, medium: 20 }),
  reviewCadenceMonths: jsonb('review_cadence_months')
    .$type<ReviewCadence>()
    .notNull()
    .default({ critical: 3, high: 6, medium: 12, low: 24 }),
  /** Separation of duties: whoever reviewed an assessment may not also decide it. */
  separateApproverFromReviewer: boolean('separate_approver_from_reviewer').notNull().default(true),
  /** What a rejected service becomes in the policy. */
  rejectedServiceState: rejectedServiceState('rejected_service_state').notNull().default('blocked'),
  policyVersion: integer('policy_version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
});
