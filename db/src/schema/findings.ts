import { findingSources, findingStatuses } from '@sightline/shared/findings/finding-states';
import { date, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { assessment } from './assessments';
import { user } from './auth';
import { riskTier, vendor } from './vendors';

export const findingStatus = pgEnum('finding_status', findingStatuses);
export const findingSource = pgEnum('finding_source', findingSources);

/**
 * A shortfall found in an assessment that needs corrective action (clause 10, A.10.3). Scoring
 * raises knock-outs and weak sections by itself; reviewers flag any other question.
 */
export const finding = pgTable(
  'finding',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessment.id, { onDelete: 'cascade' }),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendor.id, { onDelete: 'cascade' }),
    source: findingSource('source').notNull(),
    /** One finding per source and item: `knock_out:<question>`, `section:<section>`, `flag:<question>`. */
    sourceKey: text('source_key').notNull(),
    questionId: text('question_id'),
    sectionId: text('section_id'),
    /** The answer in words as it stood when the finding was raised. */
    answer: text('answer'),
    title: text('title').notNull(),
    severity: riskTier('severity').notNull(),
    status: findingStatus('status').notNull().default('open'),
    ownerId: text('owner_id').references(() => user.id, { onDelete: 'set null' }),
    dueOn: date('due_on', { mode: 'string' }),
    /** The evidence or change asked of the vendor. */
    requestedAction: text('requested_action'),
    sentToVendorAt: timestamp('sent_to_vendor_at', { withTimezone: true }),
    acceptedReason: text('accepted_reason'),
    acceptedBy: text('accepted_by').references(() => user.id, { onDelete: 'set null' }),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    uniqueIndex('finding_source_uq').on(t.assessmentId, t.sourceKey),
    index('finding_vendor_idx').on(t.vendorId),
    index('finding_status_idx').on(t.status),
  ],
);

/** Every change to a finding, oldest first, as its history shows it. */
export const findingEvent = pgTable(
  'finding_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    findingId: uuid('finding_id')
      .notNull()
      .references(() => finding.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: findingStatus('from_status'),
    toStatus: findingStatus('to_status'),
    note: text('note'),
    actorId: text('actor_id').references(() => user.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [index('finding_event_finding_idx').on(t.findingId, t.at)],
);
