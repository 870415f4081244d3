import { usageDaily, usageEvent } from '@sightline/db/schema/usage';
import type { EventBatchResult, UsageEvent } from '@sightline/shared/extension-api/usage-events';
import { accountHints, type UsageEventKind, usageEventKinds } from '@sightline/shared/usage/event-kinds';
import { and, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { enrollTestDevice } from './test-helpers';

const NOW = new Date('2026-11-28T12:00:00Z');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ start: NOW });
});
afterAll(() => t.close());

/** A few ids only, so that batches repeat them within themselves and across senders. */
const idOf = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const copy = fc.record({
  id: fc.integer({ min: 1, max: 12 }),
  kind: fc.constantFrom(...usageEventKinds),
  serviceId: fc.constantFrom('openai-chatgpt', 'anthropic-claude', null),
  accountHint: fc.option(fc.constantFrom(...accountHints), { nil: undefined }),
  count: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  bytes: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
});
type Copy = typeof copy extends fc.Arbitrary<infer C> ? C : never;

function toEvent(c: Copy): UsageEvent {
  return {
    id: idOf(c.id),
    kind: c.kind,
    serviceId: c.serviceId,
    host: 'chatgpt.com',
    ...(c.accountHint ? { accountHint: c.accountHint } : {}),
    ...(c.count !== undefined ? { count: c.count } : {}),
    ...(c.bytes !== undefined ? { bytes: c.bytes } : {}),
    // An event's time is part of it: a retry re-sends the same id with the same time (the once-only key
    // is device, id and time, since the table is partitioned by time). Copies of an id may still differ
    // in kind or service, and the first stored wins. Ids spread over about three UTC days.
    occurredAt: new Date(NOW.getTime() - c.id * 331 * 60_000).toISOString(),
  };
}

/** Senders working at the same time, each sending its batches one after another. */
const senders = fc.array(fc.array(fc.array(copy, { maxLength: 25 }), { minLength: 1, maxLength: 3 }), {
  minLength: 1,
  maxLength: 4,
});

const ofKind = (kind: UsageEventKind) => sql`${usageEvent.kind} = ${kind}`;
const countWhere = (cond: SQL) => sql<number>`count(*) filter (where ${cond})`.mapWith(Number);
const sumWhere = (value: SQL, kind: UsageEventKind) =>
  sql<number>`coalesce(sum(${value}) filter (where ${ofKind(kind)}), 0)`.mapWith(Number);

/** What the daily rollups should hold, counted straight from the raw rows in SQL. */
async function countedFromRawRows(deviceId: string) {
  const day = sql<string>`to_char(${usageEvent.occurredAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const items = sql`coalesce(${usageEvent.itemCount}, 1)`;
  const bytes = sql`coalesce(${usageEvent.bytes}, 0)`;
  return t.deps.db
    .select({
      day,
      serviceId: sql<string>`${usageEvent.serviceId}`,
      visits: countWhere(ofKind('visit')),
      logins: countWhere(ofKind('login')),
      pastes: sumWhere(items, 'paste'),
      pasteBytes: sumWhere(bytes, 'paste'),
      uploads: sumWhere(items, 'upload'),
      uploadBytes: sumWhere(bytes, 'upload'),
      apiCalls: countWhere(ofKind('api_call')),
      warnings: countWhere(ofKind('warning_shown')),
      blocks: countWhere(ofKind('blocked')),
      proceeds: countWhere(ofKind('proceeded')),
      personalAccountEvents: countWhere(sql`${usageEvent.accountHint} = 'personal'`),
    })
    .from(usageEvent)
    .where(and(eq(usageEvent.deviceId, deviceId), isNotNull(usageEvent.serviceId)))
    .groupBy(day, usageEvent.serviceId);
}

async function rollups(deviceId: string) {
  const rows = await t.deps.db.select().from(usageDaily).where(eq(usageDaily.deviceId, deviceId));
  return rows.map(({ deviceId: _d, userKey: _u, ...counts }) => counts);
}

const byKey = <T extends { day: string; serviceId: string }>(rows: T[]) =>
  [...rows].sort((a, b) => `${a.day}|${a.serviceId}`.localeCompare(`${b.day}|${b.serviceId}`));

describe('daily rollups against the raw events', () => {
  it('equal a count over the stored rows for any batches, repeats and concurrent senders', async () => {
    await fc.assert(
      fc.asyncProperty(senders, async (plan) => {
        // A device of its own per run: ids repeat across runs but not across devices.
        const dev = await enrollTestDevice(t);
        const send = async (batches: Copy[][]) => {
          const results: { sent: number; result: EventBatchResult }[] = [];
          for (const batch of batches) {
            const events = batch.map(toEvent);
            const res = await t.request('/api/ext/events', {
              method: 'POST',
              json: { events },
              headers: dev.auth,
            });
            expect(res.status).toBe(200);
            results.push({ sent: events.length, result: (await res.json()) as EventBatchResult });
          }
          return results;
        };
        const results = (await Promise.all(plan.map(send))).flat();

        const raw = await t.deps.db
          .select({ id: usageEvent.clientEventId })
          .from(usageEvent)
          .where(eq(usageEvent.deviceId, dev.deviceId));
        const distinctIds = new Set(plan.flat(2).map((c) => idOf(c.id)));
        expect(raw.map((r) => r.id).sort()).toEqual([...distinctIds].sort());
        for (const { sent, result } of results) expect(result.stored + result.duplicates).toBe(sent);
        expect(results.reduce((n, r) => n + r.result.stored, 0)).toBe(raw.length);
        expect(byKey(await rollups(dev.deviceId))).toEqual(byKey(await countedFromRawRows(dev.deviceId)));
      }),
      { numRuns: 25 },
    );
  });
});
