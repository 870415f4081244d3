import { usageDaily, usageEvent } from '@sightline/db/schema/usage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { pruneRawEvents } from './retention-service';
import { enrollTestDevice, testEvent } from './test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ start: new Date('2026-11-28T12:00:00Z') });
});
afterAll(() => t.close());

describe('raw event retention', () => {
  it('deletes raw events past the retention period and keeps the daily counts', async () => {
    const dev = await enrollTestDevice(t);
    const admin = await t.signInAs('admin');
    await t.request('/api/settings', { method: 'PATCH', cookie: admin, json: { rawEventRetentionDays: 30 } });
    const events = [
      testEvent({ occurredAt: '2026-09-01T10:00:00.000Z' }),
      testEvent({ occurredAt: '2026-11-20T10:00:00.000Z' }),
    ];
    await t.request('/api/ext/events', { method: 'POST', json: { events }, headers: dev.auth });
    expect(await pruneRawEvents({ db: t.deps.db, now: t.clock.now() })).toBe(1);
    const left = await t.deps.db.select().from(usageEvent);
    expect(left.map((e) => e.clientEventId)).toEqual([events[1]!.id]);
    const daily = await t.deps.db.select().from(usageDaily);
    expect(daily.map((d) => d.day).sort()).toEqual(['2026-09-01', '2026-11-20']);
  });
});
