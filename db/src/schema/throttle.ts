import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Fixed-window request counters shared by every portal instance (vendor-link attempts, device
 * enrollment). `key` names the limit and the client, e.g. "vendor-token:203.0.113.7".
 */
export const throttleBucket = pgTable('throttle_bucket', {
  key: text('key').primaryKey(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  hits: integer('hits').notNull(),
});
