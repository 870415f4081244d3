import { accessRequestStatuses, accountHints, usageEventKinds } from '@sightline/shared/usage/event-kinds';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { device } from './devices';

export const usageEventKind = pgEnum('usage_event_kind', usageEventKinds);
export const accountHint = pgEnum('account_hint', accountHints);
export const accessRequestStatus = pgEnum('access_request_status', accessRequestStatuses);

/**
 * Raw, metadata-only usage events. (device_id, client_event_id, occurred_at) is unique: a retried
 * batch carries the same client id and time, so it never stores an event twice. The table is
 * partitioned by month of occurred_at (migration 0011; drizzle does not model partitions, so the
 * keys below name the partition column as PostgreSQL requires): retention drops whole months, and the
 * event-partitions worker creates the coming months ahead. `usage_daily` keeps the counts.
 */
export const usageEvent = pgTable(
  'usage_event',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => device.id, { onDelete: 'cascade' }),
    clientEventId: uuid('client_event_id').notNull(),
    kind: usageEventKind('kind').notNull(),
    serviceId: text('service_id'),
    host: text('host').notNull(),
    matchedRule: text('matched_rule'),
    /** For api_call: the host of the page that made the request. */
    initiatorHost: text('initiator_host'),
    userKey: text('user_key'),
    accountHint: accountHint('account_hint'),
    itemCount: integer('item_count'),
    bytes: bigint('bytes', { mode: 'number' }),
    fileTypes: text('file_types').array(),
    /** Small typed extras (e.g. the policy state at the time); validated by the shared event schema. */
    details: jsonb('details'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.occurredAt] }),
    uniqueIndex('usage_event_device_client_uq').on(t.deviceId, t.clientEventId, t.occurredAt),
    // Retention deletes by time in the month the cutoff falls in. (An index on service and time was
    // dropped in migration 0022: no query reads raw events by service since the dashboards moved to
    // rollups, and every event paid for it at ingest.)
    index('usage_event_time_idx').on(t.occurredAt),
    // A browser's latest events (the devices page): without it PostgreSQL walks the time index of
    // every browser's events backwards and filters, 317 ms for the busiest of 5,500 browsers at 10M.
    index('usage_event_device_time_idx').on(t.deviceId, t.occurredAt, t.id),
  ],
);

/** Per day, service and device: the counts that outlive raw-event retention. */
export const usageDaily = pgTable(
  'usage_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    serviceId: text('service_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    userKey: text('user_key'),
    visits: integer('visits').notNull().default(0),
    logins: integer('logins').notNull().default(0),
    pastes: integer('pastes').notNull().default(0),
    pasteBytes: bigint('paste_bytes', { mode: 'number' }).notNull().default(0),
    uploads: integer('uploads').notNull().default(0),
    uploadBytes: bigint('upload_bytes', { mode: 'number' }).notNull().default(0),
    apiCalls: integer('api_calls').notNull().default(0),
    warnings: integer('warnings').notNull().default(0),
    blocks: integer('blocks').notNull().default(0),
    proceeds: integer('proceeds').notNull().default(0),
    personalAccountEvents: integer('personal_account_events').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.serviceId, t.deviceId] }),
    index('usage_daily_service_idx').on(t.serviceId, t.day),
    // One person's rows on a service (the service page's people list reads the counters of the most
    // active people only, found from the presence bitmaps, instead of grouping all the service's rows).
    index('usage_daily_service_person_idx').on(
      t.serviceId,
      sql`coalesce(${t.userKey}, ${t.deviceId}::text)`,
      t.day,
    ),
  ],
);

/** An employee's request for access to a service, sent from the extension's warning page. */
export const accessRequest = pgTable(
  'access_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deviceId: uuid('device_id').references(() => device.id, { onDelete: 'set null' }),
    clientRequestId: uuid('client_request_id').notNull(),
    serviceId: text('service_id').notNull(),
    userKey: text('user_key'),
    userLabel: text('user_label'),
    justification: text('justification').notNull(),
    intendedUse: text('intended_use').notNull(),
    dataCategories: text('data_categories').array().notNull().default([]),
    status: accessRequestStatus('status').notNull().default('open'),
    assessmentId: uuid('assessment_id'),
    /** The decision that closed the request, and what the requester is told. */
    decisionId: uuid('decision_id'),
    outcomeNote: text('outcome_note'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    uniqueIndex('access_request_client_uq').on(t.deviceId, t.clientRequestId),
    index('access_request_service_idx').on(t.serviceId),
  ],
);

/**
 * Dense numbers for the people (user key, or the browser when no user is known) and browsers that
 * appear in the usage rollups: bit `idx` of a presence bitmap stands for them. Numbers are handed
 * out once and never reused.
 */
export const usagePerson = pgTable('usage_person', {
  idx: integer('idx').primaryKey().generatedAlwaysAsIdentity(),
  personKey: text('person_key').notNull().unique(),
});

export const usageBrowser = pgTable('usage_browser', {
  idx: integer('idx').primaryKey().generatedAlwaysAsIdentity(),
  deviceId: uuid('device_id').notNull().unique(),
});

/**
 * Fleet-wide rollups are kept per block of days, at three spans: 1, 8 and 64 days, each block starting
 * on a multiple of its span counted from 1970-01-01. Any period is an exact union of at most ~30
 * blocks (whole 64-day blocks in the middle, 8-day and single days at the ends), so a 180-day figure
 * reads about 20 rows per service instead of 180, and the row count follows services × blocks, not
 * events.
 */
export const ROLLUP_SPANS = [1, 8, 64] as const;

/** Counters per block and service for the whole fleet (what `usage_daily` holds per browser and day). */
export const usageCounts = pgTable(
  'usage_counts',
  {
    span: integer('span').notNull(),
    startDay: date('start_day', { mode: 'string' }).notNull(),
    serviceId: text('service_id').notNull(),
    visits: bigint('visits', { mode: 'number' }).notNull().default(0),
    logins: bigint('logins', { mode: 'number' }).notNull().default(0),
    pastes: bigint('pastes', { mode: 'number' }).notNull().default(0),
    pasteBytes: bigint('paste_bytes', { mode: 'number' }).notNull().default(0),
    uploads: bigint('uploads', { mode: 'number' }).notNull().default(0),
    uploadBytes: bigint('upload_bytes', { mode: 'number' }).notNull().default(0),
    apiCalls: bigint('api_calls', { mode: 'number' }).notNull().default(0),
    warnings: bigint('warnings', { mode: 'number' }).notNull().default(0),
    blocks: bigint('blocks', { mode: 'number' }).notNull().default(0),
    proceeds: bigint('proceeds', { mode: 'number' }).notNull().default(0),
    personalAccountEvents: bigint('personal_account_events', { mode: 'number' }).notNull().default(0),
  },
  // Migration 0021 makes the key INCLUDE every counter, so period reads come from the index alone.
  (t) => [primaryKey({ columns: [t.span, t.startDay, t.serviceId] })],
);

/** Bits per presence chunk: 1,024 people or browsers per row (128 bytes). */
export const PRESENCE_CHUNK_BITS = 1024;

/** The service id of presence rows that cover every service (people using any AI service). */
export const ANY_SERVICE = '*';

const presenceBits = customType<{ data: string }>({ dataType: () => `bit(${PRESENCE_CHUNK_BITS})` });

/**
 * Who used a service in a block of days, as bitmaps: bit (idx mod 1024) of chunk (idx div 1024) is set
 * for each person and browser (numbered in usage_person / usage_browser); service `*` holds anyone on
 * any service. Distinct people over a period is the popcount of an OR over the period's blocks, exact,
 * whatever the number of events (`usage_daily`, per browser and day, grows with the events and made
 * the dashboard 25× slower at 10 million). Only raw SQL reads or writes the bitmaps.
 */
export const usagePresence = pgTable(
  'usage_presence',
  {
    span: integer('span').notNull(),
    startDay: date('start_day', { mode: 'string' }).notNull(),
    serviceId: text('service_id').notNull(),
    chunk: integer('chunk').notNull(),
    people: presenceBits('people').notNull(),
    browsers: presenceBits('browsers').notNull(),
  },
  (t) => [
    // Migration 0021 makes the key INCLUDE both bitmaps, so period reads come from the index alone.
    primaryKey({ columns: [t.span, t.startDay, t.serviceId, t.chunk] }),
    // One service's days (the service page, the top services' daily lines): without it those read
    // every service's rows of the period.
    index('usage_presence_service_idx').on(t.serviceId, t.span, t.startDay),
  ],
);

/**
 * What each stored batch adds to the fleet-wide rollups, appended without conflicts (every browser's
 * batch would otherwise update the same hot rows of usage_service_day and usage_presence and wait for
 * the others' commits). The rollup-fold worker moves these rows into those tables every few seconds;
 * dashboard queries read both, so a figure never lags.
 */
export const usageRollupDelta = pgTable('usage_rollup_delta', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  day: date('day', { mode: 'string' }).notNull(),
  serviceId: text('service_id').notNull(),
  personIdx: integer('person_idx').notNull(),
  browserIdx: integer('browser_idx').notNull(),
  visits: integer('visits').notNull().default(0),
  logins: integer('logins').notNull().default(0),
  pastes: integer('pastes').notNull().default(0),
  pasteBytes: bigint('paste_bytes', { mode: 'number' }).notNull().default(0),
  uploads: integer('uploads').notNull().default(0),
  uploadBytes: bigint('upload_bytes', { mode: 'number' }).notNull().default(0),
  apiCalls: integer('api_calls').notNull().default(0),
  warnings: integer('warnings').notNull().default(0),
  blocks: integer('blocks').notNull().default(0),
  proceeds: integer('proceeds').notNull().default(0),
  personalAccountEvents: integer('personal_account_events').notNull().default(0),
});

/**
 * API calls per day, service, calling page's host, API host and browser: the service page's "pages
 * that call its API" without reading raw events (and beyond their retention). Per browser, like
 * usage_daily, so concurrent batches never share a row. `initiator_host` is '' when unknown.
 */
export const usageApiCallerDaily = pgTable(
  'usage_api_caller_daily',
  {
    serviceId: text('service_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    initiatorHost: text('initiator_host').notNull(),
    apiHost: text('api_host').notNull(),
    deviceId: uuid('device_id').notNull(),
    calls: integer('calls').notNull().default(0),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.day, t.initiatorHost, t.apiHost, t.deviceId] })],
);
