import { policyStates } from '@sightline/shared/policy/policy-states';
import { pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';

export const policyState = pgEnum('policy_state', policyStates);

/** The org's decision for one catalog service. Services without a row are `unreviewed`. */
export const servicePolicy = pgTable('service_policy', {
  serviceId: text('service_id').primaryKey(),
  state: policyState('state').notNull(),
  conditions: text('conditions'),
  /** Catalog id of the approved service staff should use instead. */
  alternativeServiceId: text('alternative_service_id'),
  alternativeUrl: text('alternative_url'),
  note: text('note'),
  /** The decision that set this policy, when it came from an assessment. */
  decisionId: uuid('decision_id'),
  updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
});
