import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';

/** Org-wide tokens IT puts in the managed browser policy; exchanged for a per-device credential. */
export const enrollmentToken = pgTable('enrollment_token', {
  id: uuid('id').primaryKey().defaultRandom(),
  label: text('label').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  /** First characters of the token, so admins can tell tokens apart without the secret. */
  prefix: text('prefix').notNull(),
  createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  enrolledCount: integer('enrolled_count').notNull().default(0),
});

export const device = pgTable(
  'device',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    credentialHash: text('credential_hash').notNull().unique(),
    enrollmentTokenId: uuid('enrollment_token_id').references(() => enrollmentToken.id, {
      onDelete: 'set null',
    }),
    /** Pseudonymised (or plain, if the org turned pseudonymisation off) user hint from the policy. */
    userKey: text('user_key'),
    userLabel: text('user_label'),
    browser: text('browser'),
    platform: text('platform'),
    extensionVersion: text('extension_version'),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).defaultNow().notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    lastPolicySyncAt: timestamp('last_policy_sync_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: text('revoked_by').references(() => user.id, { onDelete: 'set null' }),
    droppedEvents: integer('dropped_events').notNull().default(0),
  },
  (t) => [index('device_user_key_idx').on(t.userKey)],
);
