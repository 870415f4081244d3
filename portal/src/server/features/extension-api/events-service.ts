import type { Db, DbOrTx } from '@sightline/db/client';
import { device } from '@sightline/db/schema/devices';
import { usageDaily, usageEvent } from '@sightline/db/schema/usage';
import type { EventBatchResult, UsageEvent } from '@sightline/shared/extension-api/usage-events';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { AuthedDevice } from './device-auth';
import { dailyIncrements, type Increment } from './rollup';

export type ValidBatch = { events: UsageEvent[]; dropped: number; extensionVersion?: string | undefined };

/**
 * Stores a validated batch in one transaction. Each (device, client id) is stored once whatever the
 * retries; the daily rollups grow only by the events this call actually inserted.
 */
export async function ingestEvents(
  deps: { db: Db; now: Date },
  dev: AuthedDevice,
  batch: ValidBatch,
): Promise<EventBatchResult> {
  return deps.db.transaction(async (tx) => {
    const inserted =
      batch.events.length === 0
        ? []
        : await tx
            .insert(usageEvent)
            .values(
              batch.events.map((e) => ({
                deviceId: dev.id,
                clientEventId: e.id,
                kind: e.kind,
                serviceId: e.serviceId,
                host: e.host,
                matchedRule: e.matchedRule ?? null,
                initiatorHost: e.initiatorHost ?? null,
                userKey: dev.userKey,
                accountHint: e.accountHint ?? null,
                itemCount: e.count ?? null,
                bytes: e.bytes ?? null,
                fileTypes: e.fileTypes ?? null,
                details: e.details ?? null,
                occurredAt: new Date(e.occurredAt),
                receivedAt: deps.now,
              })),
            )
            .onConflictDoNothing({ target: [usageEvent.deviceId, usageEvent.clientEventId] })
            .returning({ clientEventId: usageEvent.clientEventId });
    const insertedIds = new Set(inserted.map((r) => r.clientEventId));
    const fresh = batch.events.filter((e) => insertedIds.has(e.id));
    await addToRollups(tx, dev, dailyIncrements(fresh));
    await tx
      .update(device)
      .set({
        lastSeenAt: deps.now,
        droppedEvents: sql`${device.droppedEvents} + ${batch.dropped}`,
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
    return { stored: fresh.length, duplicates: batch.events.length - fresh.length };
  });
}

const counterColumns = [
  'visits',
  'logins',
  'pastes',
  'paste_bytes',
  'uploads',
  'upload_bytes',
  'api_calls',
  'warnings',
  'blocks',
  'proceeds',
  'personal_account_events',
] as const;

async function addToRollups(tx: DbOrTx, dev: AuthedDevice, increments: Increment[]): Promise<void> {
  if (increments.length === 0) return;
  const set = Object.fromEntries(
    counterColumns.map((col) => [camel(col), sql.raw(`"usage_daily"."${col}" + excluded."${col}"`)]),
  );
  await tx
    .insert(usageDaily)
    .values(increments.map((i) => ({ ...i, deviceId: dev.id, userKey: dev.userKey })))
    .onConflictDoUpdate({ target: [usageDaily.day, usageDaily.serviceId, usageDaily.deviceId], set });
}

function camel(snake: string): string {
  return snake.replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase());
}
