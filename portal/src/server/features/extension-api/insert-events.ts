import { type DbOrTx, rowsOf } from '@sightline/db/client';
import type { UsageEvent } from '@sightline/shared/extension-api/usage-events';
import type { AccountHint, UsageEventKind } from '@sightline/shared/usage/event-kinds';
import { sql } from 'drizzle-orm';
import type { AuthedDevice } from './device-auth';
import type { StoredEvent } from './rollup';

type ReturnedRow = {
  kind: UsageEventKind;
  service_id: string | null;
  host: string;
  initiator_host: string | null;
  account_hint: AccountHint | null;
  item_count: number | string | null;
  bytes: number | string | null;
  occurred_at: Date | string;
};

/**
 * Inserts a batch as ONE statement whose rows come from one JSON parameter (`INSERT … SELECT FROM
 * json_to_recordset($1)`), skipping (device, client id) pairs already stored, and returns the rows it
 * stored. A multi-row VALUES list carries 15 parameters per event (7,500 for a full batch): building it
 * cost the portal's single thread ~40 % of its ingest time and PostgreSQL re-planned it every call.
 * Here the statement text never changes, JSON.stringify is native code, and the same SQL runs on
 * PGlite and PostgreSQL (both drivers pass a string parameter the same way, arrays they do not).
 * `events` must already be one per client id; rows are inserted in id order, which is the lock order.
 */
export async function insertNewEvents(
  db: DbOrTx,
  dev: AuthedDevice,
  events: readonly UsageEvent[],
  receivedAt: Date,
): Promise<StoredEvent[]> {
  if (events.length === 0) return [];
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
    insert into usage_event (
      device_id, client_event_id, kind, service_id, host, matched_rule, initiator_host, user_key,
      account_hint, item_count, bytes, file_types, details, occurred_at, received_at)
    select ${dev.id}::uuid, e.id, e.kind::usage_event_kind, e.service_id, e.host, e.matched_rule,
      e.initiator_host, ${dev.userKey}::text, e.account_hint::account_hint, e.item_count, e.bytes,
      case when e.file_types is null or jsonb_typeof(e.file_types) <> 'array' then null
        else array(select jsonb_array_elements_text(e.file_types)) end,
      e.details, e.occurred_at, ${receivedAt.toISOString()}::timestamptz
    from json_to_recordset(${rows}::json) as e(id uuid, kind text, service_id text, host text,
      matched_rule text, initiator_host text, account_hint text, item_count integer, bytes bigint,
      file_types jsonb, details jsonb, occurred_at timestamptz)
    order by e.id
    on conflict (device_id, client_event_id, occurred_at) do nothing
    returning kind, service_id, host, initiator_host, account_hint, item_count, bytes, occurred_at`);
  return rowsOf<ReturnedRow>(result).map((row) => ({
    kind: row.kind,
    serviceId: row.service_id,
    host: row.host,
    initiatorHost: row.initiator_host,
    accountHint: row.account_hint,
    // bigint results come back as strings from the drivers' raw mode.
    itemCount: row.item_count === null ? null : Number(row.item_count),
    bytes: row.bytes === null ? null : Number(row.bytes),
    occurredAt: row.occurred_at instanceof Date ? row.occurred_at : new Date(row.occurred_at),
  }));
}
