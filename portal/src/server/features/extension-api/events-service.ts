import type { Db, DbOrTx } from '@sightline/db/client';
import { device } from '@sightline/db/schema/devices';
import { usageApiCallerDaily, usageDaily } from '@sightline/db/schema/usage';
import type { EventBatchResult, UsageEvent } from '@sightline/shared/extension-api/usage-events';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { appendRollupDelta } from '../usage-rollups/append-delta';
import { rollupIdentity } from '../usage-rollups/rollup-identities';
import type { AuthedDevice } from './device-auth';
import { refuseFutureEvents } from './event-clock';
import { insertNewEvents } from './insert-events';
import {
  type ApiCallerIncrement,
  apiCallerIncrements,
  dailyIncrements,
  type Increment,
  rollupCounterColumns,
} from './rollup';

export type ValidBatch = { events: UsageEvent[]; dropped: number; extensionVersion?: string | undefined };

/**
 * Stores a validated batch in one transaction. Each event is stored once whatever the retries (the
 * extension re-sends an event unchanged: same client id, same time; the stored key is device, client
 * id and time because raw events are partitioned by month) or repeats of an id within the batch (the
 * first copy counts); the daily rollups (per browser, and the fleet's deltas) are counted from the rows
 * the insert returned, so they grow by exactly what was stored. Rows are written in a fixed order (events by id, rollups by
 * key) so that concurrent batches sharing ids or days wait for each other instead of deadlocking.
 */
export async function ingestEvents(
  deps: { db: Db; now: Date },
  dev: AuthedDevice,
  batch: ValidBatch,
): Promise<EventBatchResult> {
  refuseFutureEvents(batch.events, deps.now);
  const unique = firstOfEachId(batch.events).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const identity = await rollupIdentity(deps.db, dev);
  return deps.db.transaction(async (tx) => {
    const stored = await insertNewEvents(tx, dev, unique, deps.now);
    const increments = dailyIncrements(stored);
    await addToRollups(tx, dev, increments);
    await appendRollupDelta(tx, identity, increments);
    await addToApiCallers(tx, dev, apiCallerIncrements(stored));
    await tx
      .update(device)
      .set({
        lastSeenAt: deps.now,
        // Saturates instead of overflowing the integer column: a device reporting absurd drops must
        // not make its own batches fail.
        droppedEvents: sql`least(${device.droppedEvents}::bigint + ${batch.dropped}, 2147483647)`,
        ...(batch.extensionVersion ? { extensionVersion: batch.extensionVersion } : {}),
      })
      .where(eq(device.id, dev.id));
    if (batch.dropped > 0) {
      await recordAudit(tx, {
        actor: { type: 'device', deviceId: dev.id },
        action: 'device.events_dropped',
        targetType: 'device',
        targetId: dev.id,
        details: { dropped: batch.dropped },
        at: deps.now,
      });
    }
    return { stored: stored.length, duplicates: batch.events.length - stored.length };
  });
}

/** The first event of each client id: a batch may repeat one, and it is still one event. */
function firstOfEachId(events: readonly UsageEvent[]): UsageEvent[] {
  const byId = new Map<string, UsageEvent>();
  for (const e of events) if (!byId.has(e.id)) byId.set(e.id, e);
  return [...byId.values()];
}

async function addToRollups(tx: DbOrTx, dev: AuthedDevice, increments: Increment[]): Promise<void> {
  if (increments.length === 0) return;
  const set = Object.fromEntries(
    rollupCounterColumns.map((col) => [camel(col), sql.raw(`"usage_daily"."${col}" + excluded."${col}"`)]),
  );
  const ordered = [...increments].sort((a, b) =>
    a.day === b.day ? (a.serviceId < b.serviceId ? -1 : 1) : a.day < b.day ? -1 : 1,
  );
  await tx
    .insert(usageDaily)
    .values(ordered.map((i) => ({ ...i, deviceId: dev.id, userKey: dev.userKey })))
    .onConflictDoUpdate({ target: [usageDaily.day, usageDaily.serviceId, usageDaily.deviceId], set });
}

async function addToApiCallers(
  tx: DbOrTx,
  dev: AuthedDevice,
  increments: ApiCallerIncrement[],
): Promise<void> {
  if (increments.length === 0) return;
  await tx
    .insert(usageApiCallerDaily)
    .values(increments.map((i) => ({ ...i, deviceId: dev.id })))
    .onConflictDoUpdate({
      target: [
        usageApiCallerDaily.serviceId,
        usageApiCallerDaily.day,
        usageApiCallerDaily.initiatorHost,
        usageApiCallerDaily.apiHost,
        usageApiCallerDaily.deviceId,
      ],
      set: {
        calls: sql`${usageApiCallerDaily.calls} + excluded.calls`,
        lastAt: sql`greatest(${usageApiCallerDaily.lastAt}, excluded.last_at)`,
      },
    });
}

function camel(snake: string): string {
  return snake.replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase());
}
