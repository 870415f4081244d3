import type { Db } from '@sightline/db/client';
import type { EventBatchResult, UsageEvent } from '@sightline/shared/extension-api/usage-events';
import { recordAudit } from '../../audit/record-audit';
import { rollupIdentity } from '../usage-rollups/rollup-identities';
import type { AuthedDevice } from './device-auth';
import { refuseFutureEvents } from './event-clock';
import { storeBatch } from './store-batch';

export type ValidBatch = { events: UsageEvent[]; dropped: number; extensionVersion?: string | undefined };

/**
 * Stores a validated batch. Each event is stored once whatever the retries (the extension re-sends an
 * event unchanged: same client id, same time; the stored key is device, client id and time because raw
 * events are partitioned by month) or repeats of an id within the batch (the first copy counts); the
 * daily rollups (per browser, and the fleet's deltas) are counted from the rows the insert returned, so
 * they grow by exactly what was stored. All of it is one statement (store-batch.ts); a batch reporting
 * events the extension had to drop also writes an audit entry, in one transaction with it.
 */
export async function ingestEvents(
  deps: { db: Db; now: Date },
  dev: AuthedDevice,
  batch: ValidBatch,
): Promise<EventBatchResult> {
  refuseFutureEvents(batch.events, deps.now);
  const unique = firstOfEachId(batch.events).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const identity = await rollupIdentity(deps.db, dev);
  const facts = { dropped: batch.dropped, extensionVersion: batch.extensionVersion, receivedAt: deps.now };
  const stored =
    batch.dropped > 0
      ? await deps.db.transaction(async (tx) => {
          const count = await storeBatch(tx, dev, identity, unique, facts);
          await recordAudit(tx, {
            actor: { type: 'device', deviceId: dev.id },
            action: 'device.events_dropped',
            targetType: 'device',
            targetId: dev.id,
            details: { dropped: batch.dropped },
            at: deps.now,
          });
          return count;
        })
      : await storeBatch(deps.db, dev, identity, unique, facts);
  return { stored, duplicates: batch.events.length - stored };
}

/** The first event of each client id: a batch may repeat one, and it is still one event. */
function firstOfEachId(events: readonly UsageEvent[]): UsageEvent[] {
  const byId = new Map<string, UsageEvent>();
  for (const e of events) if (!byId.has(e.id)) byId.set(e.id, e);
  return [...byId.values()];
}
