import {
  incidentSeverities,
  incidentSources,
  materialChangeKinds,
  reviewReasons,
} from '@sightline/shared/reviews/review-enums';
import { date, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { assessment, assessmentToken } from './assessments';
import { user } from './auth';
import { vendor } from './vendors';

export const incidentSeverity = pgEnum('incident_severity', incidentSeverities);
export const incidentSource = pgEnum('incident_source', incidentSources);
export const materialChangeKind = pgEnum('material_change_kind', materialChangeKinds);
export const reviewReason = pgEnum('review_reason', reviewReasons);

/** An incident staff recorded against a vendor (a breach, an outage, a regulator's notice …). */
export const vendorIncident = pgTable(
  'vendor_incident',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendor.id, { onDelete: 'cascade' }),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
    severity: incidentSeverity('severity').notNull(),
    source: incidentSource('source').notNull(),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [index('vendor_incident_vendor_idx').on(t.vendorId, t.createdAt)],
);

/** A material change the vendor declared on its questionnaire page (through its link). */
export const vendorMaterialChange = pgTable(
  'vendor_material_change',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendor.id, { onDelete: 'cascade' }),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessment.id, { onDelete: 'cascade' }),
    kind: materialChangeKind('kind').notNull(),
    description: text('description').notNull(),
    declaredByTokenId: uuid('declared_by_token_id').references(() => assessmentToken.id, {
      onDelete: 'set null',
    }),
    declaredAt: timestamp('declared_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [index('vendor_material_change_vendor_idx').on(t.vendorId, t.declaredAt)],
);

/**
 * One row per notice mailed about a vendor being due for review. The unique key (vendor, reason,
 * subject) is the claim: when several portal instances run the worker at once, only the insert that
 * wins sends the mail. `subject` names what the notice is about (the review date, the document and
 * its expiry, the incident, the month of a spike), so a new occurrence gets its own notice.
 */
export const reviewNotice = pgTable(
  'review_notice',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendor.id, { onDelete: 'cascade' }),
    reason: reviewReason('reason').notNull(),
    subject: text('subject').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [uniqueIndex('review_notice_claim_uq').on(t.vendorId, t.reason, t.subject)],
);
