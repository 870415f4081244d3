import type { UsageEvent } from '@sightline/shared/extension-api/usage-events';
import { local } from '../state/local-state';
import { serialized } from '../state/serialized';

/** The most events kept while the portal is unreachable; older ones are dropped and counted. */
export const QUEUE_CAP = 5000;

export type QueueSnapshot = { events: UsageEvent[]; dropped: number };

/** Adds events to the persistent queue; over the cap, the oldest go and are counted as dropped. */
export function enqueue(events: readonly UsageEvent[], cap = QUEUE_CAP): Promise<void> {
  if (events.length === 0) return Promise.resolve();
  return serialized(async () => {
    const queue = [...(await local.queue.get()), ...events];
    const over = Math.max(0, queue.length - cap);
    if (over > 0) {
      queue.splice(0, over);
      await local.dropped.set((await local.dropped.get()) + over);
    }
    await local.queue.set(queue);
  });
}

export async function snapshot(): Promise<QueueSnapshot> {
  const [events, dropped] = await Promise.all([local.queue.get(), local.dropped.get()]);
  return { events, dropped };
}

/** The next batch to send: oldest first, at most `maxCount` events and about `maxBytes` of JSON. */
export function takeBatch(events: readonly UsageEvent[], maxCount: number, maxBytes: number): UsageEvent[] {
  const batch: UsageEvent[] = [];
  let bytes = 64;
  for (const event of events) {
    const size = JSON.stringify(event).length + 1;
    if (batch.length >= maxCount || (batch.length > 0 && bytes + size > maxBytes)) break;
    batch.push(event);
    bytes += size;
  }
  return batch;
}

/**
 * Removes exactly the events the portal accepted (by id; events queued meanwhile stay) and takes the
 * dropped count it was told about off the counter.
 */
export function acknowledge(ids: ReadonlySet<string>, droppedReported: number): Promise<void> {
  return serialized(async () => {
    const queue = await local.queue.get();
    await local.queue.set(queue.filter((e) => !ids.has(e.id)));
    if (droppedReported > 0)
      await local.dropped.set(Math.max(0, (await local.dropped.get()) - droppedReported));
  });
}

/** A batch the portal refused as malformed can never succeed: drop it and count it. */
export function discard(ids: ReadonlySet<string>): Promise<void> {
  return serialized(async () => {
    const queue = await local.queue.get();
    const kept = queue.filter((e) => !ids.has(e.id));
    await local.queue.set(kept);
    await local.dropped.set((await local.dropped.get()) + (queue.length - kept.length));
  });
}
