import { bigint, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained audit trail. `hash` = SHA-256(prevHash + canonical JSON of the entry).
 * A trigger (see the migration) refuses UPDATE and DELETE. `at` is an ISO-8601 string written by the
 * application so the hashed value round-trips exactly.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: text('at').notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_action_idx').on(t.action),
    index('audit_log_target_idx').on(t.targetType, t.targetId),
  ],
);
