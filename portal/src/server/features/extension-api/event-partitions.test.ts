import { rowsOf } from '@sightline/db/client';
import { usageDaily, usageEvent } from '@sightline/db/schema/usage';
import type { UsageEvent } from '@sightline/shared/extension-api/usage-events';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { ensureEventPartitions, listEventPartitions, monthStart, partitionName } from './event-partitions';
import { pruneRawEvents } from './retention-service';
import { enrollTestDevice, testEvent } from './test-helpers';

// Months the migration did not create (it covers the real current month and two ahead), so events of
// them start in the default partition, as they would on a portal whose worker has not run for a while.
const LATER = new Date('2031-03-15T12:00:00.000Z');

let t: TestApp;
let dev: Awaited<ReturnType<typeof enrollTestDevice>>;
beforeAll(async () => {
  t = await createTestApp({ start: LATER });
  dev = await enrollTestDevice(t);
});
afterAll(() => t.close());

const send = (events: UsageEvent[]) =>
  t.request('/api/ext/events', { method: 'POST', json: { events }, headers: dev.auth });
const rowsIn = async (table: string) =>
  Number(
    rowsOf<{ n: number | string }>(
      await t.deps.db.execute(sql`select count(*) as n from ${sql.identifier(table)}`),
    )[0]?.n,
  );
const dailyTotals = async () =>
  (await t.deps.db.select().from(usageDaily)).map((d) => `${d.day}|${d.serviceId}|${d.visits}`).sort();

describe('raw events partitioned by month', () => {
  it('the migration made usage_event a partitioned table with this month and the next two', async () => {
    const [kind] = rowsOf<{ kind: string }>(
      await t.deps.db.execute(sql`select relkind as kind from pg_class where relname = 'usage_event'`),
    );
    expect(kind?.kind).toBe('p');
    const names = (await listEventPartitions(t.deps.db)).map((p) => p.name);
    const now = new Date();
    for (const offset of [0, 1, 2]) expect(names).toContain(partitionName(monthStart(now, offset)));
  });

  it('gives a month its partition, moving the events that waited in the default one, and still stores each event once', async () => {
    const march = [
      testEvent({ occurredAt: '2031-03-02T09:00:00.000Z' }),
      testEvent({ occurredAt: '2031-03-14T09:00:00.000Z' }),
    ];
    expect((await send(march)).status).toBe(200);
    expect(await rowsIn('usage_event_default')).toBe(2);

    const [first, second] = await Promise.all([
      ensureEventPartitions({ db: t.deps.db, now: LATER }),
      ensureEventPartitions({ db: t.deps.db, now: LATER }),
    ]);
    expect([...first!, ...second!].sort()).toEqual([
      'usage_event_p2031_03',
      'usage_event_p2031_04',
      'usage_event_p2031_05',
    ]);
    expect(await rowsIn('usage_event_default')).toBe(0);
    expect(await rowsIn('usage_event_p2031_03')).toBe(2);

    // A retry of the same batch after the move: both are recognised as already stored.
    expect(await (await send(march)).json()).toEqual({ stored: 0, duplicates: 2 });
    expect(await ensureEventPartitions({ db: t.deps.db, now: LATER })).toEqual([]);
  });

  it('retention drops whole months before the cutoff, deletes the rest row by row, and keeps the daily counts', async () => {
    const admin = await t.signInAs('admin');
    await t.request('/api/settings', { method: 'PATCH', cookie: admin, json: { rawEventRetentionDays: 30 } });
    t.clock.set(new Date('2031-05-20T12:00:00.000Z'));
    const may = [
      testEvent({ occurredAt: '2031-04-10T09:00:00.000Z' }),
      testEvent({ occurredAt: '2031-04-25T09:00:00.000Z' }),
      testEvent({ occurredAt: '2031-05-10T09:00:00.000Z' }),
    ];
    expect((await send(may)).status).toBe(200);
    const before = await dailyTotals();

    // Cutoff 2031-04-20: March (2 events) goes whole, April loses the 10th only.
    expect(await pruneRawEvents({ db: t.deps.db, now: t.clock.now() })).toBe(3);
    const months = (await listEventPartitions(t.deps.db)).map((p) => p.name);
    expect(months).not.toContain('usage_event_p2031_03');
    expect(months).toContain('usage_event_p2031_04');
    const left = (await t.deps.db.select({ at: usageEvent.occurredAt }).from(usageEvent))
      .map((e) => e.at.toISOString())
      .sort();
    expect(left).toEqual(['2031-04-25T09:00:00.000Z', '2031-05-10T09:00:00.000Z']);
    expect(await dailyTotals()).toEqual(before);
  });
});
