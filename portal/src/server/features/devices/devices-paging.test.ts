import { randomUUID } from 'node:crypto';
import { device } from '@sightline/db/schema/devices';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageBoundaryTests } from '../../paging/paging-test-kit';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await t.signInAs('admin');
});
afterAll(() => t?.close());

const enrolledAt = new Date('2026-02-01T08:00:00.000001Z');
const add = async (lastSeenAt: Date | null, revokedAt: Date | null = null) =>
  (
    await t.deps.db
      .insert(device)
      .values({ credentialHash: randomUUID(), enrolledAt, lastSeenAt, revokedAt })
      .returning({ id: device.id })
  )[0]!.id;

describe('the devices list, page by page (last seen, never-seen first)', () => {
  pageBoundaryTests(() => ({
    get: (query) => t.request(`/api/devices?${query}`, { cookie }),
    addTied: async (n) => {
      for (let i = 0; i < n; i++) await add(new Date('2026-03-01T10:00:00.123456Z'));
    },
    // A browser that never reported sorts before every one that did.
    addFirst: () => add(null),
    addLast: () => add(new Date('2026-02-02T00:00:00Z')),
  }));

  it('counts the active browsers of the whole fleet, not of the page', async () => {
    await add(new Date('2026-03-02T00:00:00Z'), new Date('2026-03-03T00:00:00Z'));
    const res = await t.request('/api/devices?limit=1', { cookie });
    const body = (await res.json()) as { items: unknown[]; active: number };
    const all = await t.deps.db.select({ revokedAt: device.revokedAt }).from(device);
    expect(body.items).toHaveLength(1);
    expect(body.active).toBe(all.filter((d) => d.revokedAt === null).length);
    expect(body.active).toBeGreaterThan(1);
  });
});
