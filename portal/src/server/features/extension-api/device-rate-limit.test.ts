import { usageEvent } from '@sightline/db/schema/usage';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { enrollTestDevice, testEvent } from './test-helpers';

const LIMIT = 3;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    start: new Date('2026-11-20T10:00:00.000Z'),
    env: { DEVICE_REQUESTS_PER_MINUTE: String(LIMIT) },
  });
});
afterAll(() => t.close());

const postEvents = (auth: Record<string, string>) =>
  t.request('/api/ext/events', {
    method: 'POST',
    headers: auth,
    json: {
      events: [testEvent({ occurredAt: '2026-11-20T09:59:00.000Z' })],
      dropped: 0,
      extensionVersion: '0.1.0',
    },
  });
const storedFor = async (deviceId: string) =>
  (await t.deps.db.select().from(usageEvent).where(eq(usageEvent.deviceId, deviceId))).length;

describe('per-device request budget', () => {
  it('answers 429 with Retry-After once a device is over its budget, stores nothing from the refused call, and lets it in again after the wait', async () => {
    const dev = await enrollTestDevice(t, 'noisy@example.com');
    for (let i = 0; i < LIMIT; i++) expect((await postEvents(dev.auth)).status).toBe(200);

    const refused = await postEvents(dev.auth);
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe('rate_limited');
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await storedFor(dev.deviceId)).toBe(LIMIT);

    // The policy route shares the budget: a looping browser cannot move its load elsewhere.
    expect((await t.request('/api/ext/policy', { headers: dev.auth })).status).toBe(429);

    t.clock.set(new Date(t.clock.now().getTime() + wait * 1000));
    expect((await postEvents(dev.auth)).status).toBe(200);
    expect(await storedFor(dev.deviceId)).toBe(LIMIT + 1);
  });

  it('counts each device on its own, so one busy browser does not hold back the others', async () => {
    const busy = await enrollTestDevice(t, 'busy@example.com');
    const quiet = await enrollTestDevice(t, 'quiet@example.com');
    for (let i = 0; i < LIMIT; i++) await postEvents(busy.auth);
    expect((await postEvents(busy.auth)).status).toBe(429);
    expect((await postEvents(quiet.auth)).status).toBe(200);
  });

  it('does not spend budget on unknown credentials (they get 401, not 429)', async () => {
    const stranger = { authorization: `Bearer ${'x'.repeat(43)}` };
    for (let i = 0; i < LIMIT + 2; i++) expect((await postEvents(stranger)).status).toBe(401);
  });
});
