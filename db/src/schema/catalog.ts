import { candidateStatuses } from '@sightline/shared/usage/event-kinds';
import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from './auth';

export const candidateStatus = pgEnum('candidate_status', candidateStatuses);

/**
 * The org's own catalog entries. `entry` holds a catalog entry validated by the shared zod schema;
 * an id equal to a built-in id overrides the built-in.
 */
export const customCatalogEntry = pgTable('custom_catalog_entry', {
  id: text('id').primaryKey(),
  entry: jsonb('entry').notNull(),
  createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
});

/** Hosts that looked like AI services but are not in the catalog, reported by extensions. */
export const aiCandidate = pgTable(
  'ai_candidate',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    host: text('host').notNull().unique(),
    /** Why the extension thought it was AI (e.g. "ai-tld", "prompt-field"); never page content. */
    signals: text('signals').array().notNull().default([]),
    reports: integer('reports').notNull().default(1),
    deviceCount: integer('device_count').notNull().default(1),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).defaultNow().notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).defaultNow().notNull(),
    status: candidateStatus('status').notNull().default('open'),
    decidedBy: text('decided_by').references(() => user.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    catalogEntryId: text('catalog_entry_id'),
  },
  (t) => [index('ai_candidate_status_idx').on(t.status)],
);

/** Which devices reported which candidate, so device counts stay exact under retries. */
export const aiCandidateReport = pgTable(
  'ai_candidate_report',
  {
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => aiCandidate.id, { onDelete: 'cascade' }),
    deviceId: uuid('device_id').notNull(),
    lastReportedAt: timestamp('last_reported_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [primaryKey({ columns: [t.candidateId, t.deviceId] })],
);
