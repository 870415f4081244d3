import { type DbOrTx, rowsOf } from '@sightline/db/client';
import type { UsageEvent } from '@sightline/shared/extension-api/usage-events';
import { type SQL, sql } from 'drizzle-orm';
import type { RollupIdentity } from '../usage-rollups/rollup-identities';
import type { AuthedDevice } from './device-auth';
import { dailyCounterExpressions, rollupCounterColumns } from './rollup';

export type BatchFacts = {
  dropped: number;
  extensionVersion?: string | undefined;
  receivedAt: Date;
};

/**
 * Stores a batch with ONE statement: the events (skipping (device, client id) pairs already stored),
 * then, from exactly the rows that insert returned, the browser's daily counters (`usage_daily`), the
 * fleet's rollup deltas, the API-call rollup and the device's last-seen time, as data-modifying CTEs.
 * One statement is atomic on its own and holds its connection only while PostgreSQL works on it: the
 * transaction of six statements it replaces also held the connection across six round trips and the
 * portal's own queue of other requests between them, which at 50 concurrent browsers was most of its
 * time. The events arrive as one JSON parameter, so the statement text never changes.
 * `events` must be one per client id, sorted by id: rows are written in key order, the lock order that
 * keeps concurrent batches waiting for each other instead of deadlocking. Returns how many were stored.
 */
export async function storeBatch(
  db: DbOrTx,
  dev: AuthedDevice,
  identity: RollupIdentity,
  events: readonly UsageEvent[],
  facts: BatchFacts,
): Promise<number> {
  const rows = JSON.stringify(
    events.map((e) => ({
      id: e.id,
      kind: e.kind,
      service_id: e.serviceId ?? null,
      host: e.host,
      matched_rule: e.matchedRule ?? null,
      initiator_host: e.initiatorHost ?? null,
      account_hint: e.accountHint ?? null,
      item_count: e.count ?? null,
      bytes: e.bytes ?? null,
      file_types: e.fileTypes ?? null,
      details: e.details ?? null,
      // As the instant in UTC: an ISO time may carry an offset up to ±23:59, PostgreSQL takes ±15:59.
      occurred_at: new Date(e.occurredAt).toISOString(),
    })),
  );
  const result = await db.execute(sql`
    with stored as (
      insert into usage_event (
        device_id, client_event_id, kind, service_id, host, matched_rule, initiator_host, user_key,
        account_hint, item_count, bytes, file_types, details, occurred_at, received_at)
      select ${dev.id}::uuid, e.id, e.kind::usage_event_kind, e.service_id, e.host, e.matched_rule,
        e.initiator_host, ${dev.userKey}::text, e.account_hint::account_hint, e.item_count, e.bytes,
        case when e.file_types is null or jsonb_typeof(e.file_types) <> 'array' then null
          else array(select jsonb_array_elements_text(e.file_types)) end,
        e.details, e.occurred_at, ${facts.receivedAt.toISOString()}::timestamptz
      from json_to_recordset(${rows}::json) as e(id uuid, kind text, service_id text, host text,
        matched_rule text, initiator_host text, account_hint text, item_count integer, bytes bigint,
        file_types jsonb, details jsonb, occurred_at timestamptz)
      order by e.id
      on conflict (device_id, client_event_id, occurred_at) do nothing
      returning kind, service_id, host, initiator_host, account_hint, item_count, bytes, occurred_at
    ),
    daily as (${dailyCounts})
    , to_daily as (
      insert into usage_daily (day, service_id, device_id, user_key, ${counterList})
      select day, service_id, ${dev.id}::uuid, ${dev.userKey}::text, ${counterList}
      from daily order by day, service_id
      on conflict (day, service_id, device_id) do update set ${addExcluded('usage_daily')}
    ), to_delta as (
      insert into usage_rollup_delta (day, service_id, person_idx, browser_idx, ${counterList})
      select day, service_id, ${identity.personIdx}::int, ${identity.browserIdx}::int, ${counterList}
      from daily
    ), to_callers as (
      insert into usage_api_caller_daily (service_id, day, initiator_host, api_host, device_id, calls, last_at)
      select service_id, (occurred_at at time zone 'UTC')::date, coalesce(initiator_host, ''), host,
        ${dev.id}::uuid, count(*)::int, max(occurred_at)
      from stored where kind = 'api_call' and service_id is not null
      group by 1, 2, 3, 4 order by 1, 2, 3, 4
      on conflict (service_id, day, initiator_host, api_host, device_id) do update
        set calls = usage_api_caller_daily.calls + excluded.calls,
            last_at = greatest(usage_api_caller_daily.last_at, excluded.last_at)
    ), touched as (
      update device set last_seen_at = ${facts.receivedAt.toISOString()}::timestamptz,
        -- Saturates instead of overflowing the integer column: a device reporting absurd drops must
        -- not make its own batches fail.
        dropped_events = least(dropped_events::bigint + ${facts.dropped}::bigint, 2147483647)::int,
        extension_version = coalesce(${facts.extensionVersion ?? null}::text, extension_version)
      where id = ${dev.id}::uuid
    )
    select count(*)::int as stored from stored`);
  return Number(rowsOf<{ stored: number | string }>(result)[0]?.stored ?? 0);
}

const counterList = sql.raw(rollupCounterColumns.join(', '));

function addExcluded(table: string): SQL {
  return sql.raw(rollupCounterColumns.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', '));
}

/** Per UTC day and service, the counters of the stored rows (events without a service have no rollup). */
const dailyCounts = sql`
  select (occurred_at at time zone 'UTC')::date as day, service_id, ${dailyCounterExpressions}
  from stored where service_id is not null
  group by 1, 2`;
