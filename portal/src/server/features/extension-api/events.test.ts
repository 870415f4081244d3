import { device } from '@sightline/db/schema/devices';
import { usageDaily, usageEvent } from '@sightline/db/schema/usage';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { errorOf } from '../../testing/typed-response';
import { ingestEvents } from './events-service';
import { enrollTestDevice, testEvent } from './test-helpers';

let t: TestApp;
let dev: Awaited<ReturnType<typeof enrollTestDevice>>;
beforeAll(async () => {
  t = await createTestApp();
  dev = await enrollTestDevice(t);
});
afterAll(() => t.close());

const post = (body: unknown, auth = dev.auth) =>
  t.request('/api/ext/events', { method: 'POST', json: body, headers: auth });
const shuffled = <T>(items: T[]) =>
  items
    .map((item) => ({ item, key: Math.random() }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);
const countEvents = async () =>
  (await t.deps.db.select().from(usageEvent).where(eq(usageEvent.deviceId, dev.deviceId))).length;

describe('POST /api/ext/events', () => {
  it('stores each event exactly once however often the batch is retried, rollups included', async () => {
    const day = '2026-11-20T10:00:00.000Z';
    const events = [
      testEvent({ occurredAt: day }),
      testEvent({ kind: 'paste', count: 2, bytes: 300, occurredAt: day }),
      testEvent({ kind: 'upload', count: 1, bytes: 5000, fileTypes: ['application/pdf'], occurredAt: day }),
      testEvent({ kind: 'login', accountHint: 'personal', occurredAt: day }),
    ];
    const first = await post({ events, dropped: 0, extensionVersion: '0.1.1' });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ stored: 4, duplicates: 0 });
    // The same batch again, concurrently twice, and a batch overlapping it.
    const retries = await Promise.all([
      post({ events }),
      post({ events }),
      post({ events: [...events, testEvent({ occurredAt: day })] }),
    ]);
    expect(retries.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await countEvents()).toBe(5);
    const [rollup] = await t.deps.db.select().from(usageDaily).where(eq(usageDaily.deviceId, dev.deviceId));
    expect(rollup).toMatchObject({
      day: '2026-11-20',
      serviceId: 'openai-chatgpt',
      visits: 2,
      pastes: 2,
      pasteBytes: 300,
      uploads: 1,
      uploadBytes: 5000,
      logins: 1,
      personalAccountEvents: 1,
    });
    const [row] = await t.deps.db.select().from(device).where(eq(device.id, dev.deviceId));
    expect(row?.extensionVersion).toBe('0.1.1');
    expect(row?.lastSeenAt).not.toBeNull();
  });

  it('stores and counts an id repeated within one batch once', async () => {
    const one = testEvent({
      serviceId: 'anthropic-claude',
      host: 'claude.ai',
      matchedRule: 'domain:claude.ai',
    });
    const res = await post({ events: Array.from({ length: 400 }, () => one) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ stored: 1, duplicates: 399 });
    const raw = await t.deps.db.select().from(usageEvent).where(eq(usageEvent.clientEventId, one.id));
    expect(raw).toHaveLength(1);
    const daily = await t.deps.db
      .select()
      .from(usageDaily)
      .where(eq(usageDaily.serviceId, 'anthropic-claude'));
    expect(daily.map((d) => d.visits)).toEqual([1]);
    const overview = await t.request('/api/overview?days=7', { cookie: await t.signInAs('viewer') });
    const { services } = (await overview.json()) as { services: { serviceId: string; visits: number }[] };
    expect(services.find((s) => s.serviceId === 'anthropic-claude')?.visits).toBe(1);
  });

  it('stores batches that share events, sent at once in different orders, without a deadlock', async () => {
    // Through the service: without HTTP in between the inserts overlap, as on a busy server.
    const device = { id: dev.deviceId, userKey: null, userLabel: null };
    for (let round = 0; round < 3; round++) {
      const events = Array.from({ length: 500 }, () => testEvent());
      const orders = [events, [...events].reverse(), shuffled(events), shuffled(events)];
      const results = await Promise.all(
        orders.map((e) =>
          ingestEvents({ db: t.deps.db, now: t.clock.now() }, device, { events: e, dropped: 0 }),
        ),
      );
      expect(results.reduce((n, r) => n + r.stored, 0)).toBe(500);
    }
  });

  it('adds reported dropped counts to the device', async () => {
    const res = await post({ events: [], dropped: 7 });
    expect(res.status).toBe(200);
    const [row] = await t.deps.db.select().from(device).where(eq(device.id, dev.deviceId));
    expect(row?.droppedEvents).toBe(7);
  });

  it('rejects a batch with one bad event with 400 and stores none of it', async () => {
    const before = await countEvents();
    const cases = [
      { events: [testEvent(), { ...testEvent(), prompt: 'secret text' }] },
      { events: [testEvent(), { ...testEvent(), kind: 'typing' }] },
      { events: [testEvent(), { ...testEvent(), id: 'not-a-uuid' }] },
      { events: [testEvent(), { ...testEvent(), host: 'https://chatgpt.com/c/1?q=secret' }] },
      { events: [testEvent()], dropped: -1 },
      { events: [testEvent()], admin: true },
      {
        events: [
          testEvent({ details: { policyState: 'approved' } }),
          { ...testEvent(), details: { text: 'x' } },
        ],
      },
      { events: 'nope' },
    ];
    for (const body of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const broken = await t.request('/api/ext/events', {
      method: 'POST',
      body: '{"events":[',
      headers: { ...dev.auth, 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect(await countEvents()).toBe(before);
  });

  it("refuses a batch holding events dated past the portal's clock, names them and stores none of it", async () => {
    const now = t.clock.now().getTime();
    const at = (ms: number) => new Date(now + ms).toISOString();
    const ahead = [
      testEvent({ occurredAt: '2100-01-01T00:00:00.000Z' }),
      testEvent({ occurredAt: '9999-12-31T23:59:59.999Z' }),
      testEvent({ occurredAt: at(11 * 60_000) }),
      // The same instant as an offset: still 11 minutes ahead.
      testEvent({ occurredAt: at(11 * 60_000).replace(/\.\d+Z$/, '+00:00') }),
    ];
    const fine = [testEvent({ occurredAt: at(-60_000) }), testEvent({ occurredAt: at(9 * 60_000) })];
    const before = await countEvents();
    const [deviceBefore] = await t.deps.db.select().from(device).where(eq(device.id, dev.deviceId));
    const res = await post({ events: [fine[0], ...ahead, fine[1]], dropped: 5 });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as {
      error: { code: string; message: string; details: { path: string; id: string }[] };
    };
    expect(error.code).toBe('bad_request');
    expect(error.message).toContain(ahead[0]!.id);
    expect(error.details.map((d) => d.id)).toEqual(ahead.map((e) => e.id));
    expect(error.details.map((d) => d.path)).toEqual([1, 2, 3, 4].map((i) => `events.${i}.occurredAt`));
    expect(await countEvents()).toBe(before);
    const [deviceAfter] = await t.deps.db.select().from(device).where(eq(device.id, dev.deviceId));
    expect(deviceAfter?.droppedEvents).toBe(deviceBefore?.droppedEvents);
    // Within the allowance for a device clock running ahead: stored.
    const ok = await post({ events: fine });
    expect(await ok.json()).toEqual({ stored: 2, duplicates: 0 });
  });

  it('stores an event time given with any offset ISO 8601 allows as its instant, ±23:59 included', async () => {
    // PostgreSQL reads offsets only up to ±15:59; the API fuzz test found +21:13 answered 500.
    const event = testEvent({ occurredAt: '2026-11-20T23:30:00+21:13' });
    const res = await post({ events: [event] });
    expect(res.status).toBe(200);
    const [row] = await t.deps.db.select().from(usageEvent).where(eq(usageEvent.clientEventId, event.id));
    expect(row?.occurredAt.toISOString()).toBe('2026-11-20T02:17:00.000Z');
    // Before 1900 is refused: the drivers read a year below 100 back as an invalid date (it was a 500).
    const ancient = await post({ events: [testEvent({ occurredAt: '0024-02-29T20:09:54Z' })] });
    expect(ancient.status).toBe(400);
  });

  it('rejects more than 500 events with 400 and a body over 512 KB with 413', async () => {
    const before = await countEvents();
    const tooMany = await post({ events: Array.from({ length: 501 }, () => testEvent()) });
    expect(tooMany.status).toBe(400);
    const big = {
      events: Array.from({ length: 400 }, () => testEvent({ matchedRule: 'x'.repeat(300) })),
      pad: 'y'.repeat(600_000),
    };
    const res = await post(big);
    expect(res.status).toBe(413);
    expect((await errorOf(res)).error.code).toBe('payload_too_large');
    expect(await countEvents()).toBe(before);
  });

  it('refuses unknown and revoked devices with 401 and stores nothing', async () => {
    const other = await enrollTestDevice(t, 'bob@example.com');
    const admin = await t.signInAs('admin');
    await t.request(`/api/devices/${other.deviceId}/revoke`, { method: 'POST', cookie: admin });
    const revoked = await post({ events: [testEvent()] }, other.auth);
    expect(revoked.status).toBe(401);
    const unknown = await post({ events: [testEvent()] }, { authorization: `Bearer ${'q'.repeat(43)}` });
    expect(unknown.status).toBe(401);
    const none = await t.request('/api/ext/events', { method: 'POST', json: { events: [testEvent()] } });
    expect(none.status).toBe(401);
    const stored = await t.deps.db.select().from(usageEvent).where(eq(usageEvent.deviceId, other.deviceId));
    expect(stored).toHaveLength(0);
  });

  it('keeps the api_call initiator', async () => {
    const e = testEvent({
      kind: 'api_call',
      host: 'api.openai.com',
      initiatorHost: 'shop.example',
      serviceId: 'openai-api',
    });
    expect((await post({ events: [e] })).status).toBe(200);
    const [row] = await t.deps.db.select().from(usageEvent).where(eq(usageEvent.clientEventId, e.id));
    expect(row).toMatchObject({ kind: 'api_call', host: 'api.openai.com', initiatorHost: 'shop.example' });
  });

  it('stores every field of an event as sent, including file types, details and sizes past 2^31', async () => {
    const occurredAt = new Date(t.clock.now().getTime() - 60_000).toISOString();
    const upload = testEvent({
      kind: 'upload',
      count: 3,
      bytes: 5_000_000_000,
      fileTypes: ['application/pdf', 'text/csv'],
      accountHint: 'personal',
      details: { policyState: 'approved' },
      matchedRule: undefined,
      occurredAt,
    });
    expect((await post({ events: [upload] })).status).toBe(200);
    const [row] = await t.deps.db.select().from(usageEvent).where(eq(usageEvent.clientEventId, upload.id));
    expect(row).toMatchObject({
      kind: 'upload',
      serviceId: 'openai-chatgpt',
      host: 'chatgpt.com',
      matchedRule: null,
      initiatorHost: null,
      accountHint: 'personal',
      itemCount: 3,
      bytes: 5_000_000_000,
      fileTypes: ['application/pdf', 'text/csv'],
      details: { policyState: 'approved' },
    });
    expect(row?.occurredAt.toISOString()).toBe(occurredAt);
  });
});
