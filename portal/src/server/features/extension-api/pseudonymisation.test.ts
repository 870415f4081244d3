import { createHash } from 'node:crypto';
import { device } from '@sightline/db/schema/devices';
import { orgSettings } from '@sightline/db/schema/org';
import { usageDaily, usageEvent } from '@sightline/db/schema/usage';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { enrollTestDevice, testEvent } from './test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ start: new Date('2026-11-20T12:00:00.000Z') });
});
afterAll(() => t.close());

/** Ada on two browsers (her address typed two ways), Bob on one: two people, three browsers. */
const people = [
  { hint: 'Ada.Lovelace@Example.com', person: 'ada' },
  { hint: ' ada.lovelace@example.com', person: 'ada' },
  { hint: 'bob.byte@example.com', person: 'bob' },
];

describe('pseudonymised people (the default)', () => {
  it('stores a keyed hash, never the email, and still counts each person once across browsers', async () => {
    const browsers = [];
    for (const p of people) browsers.push(await enrollTestDevice(t, p.hint));
    for (const b of browsers)
      await t.request('/api/ext/events', {
        method: 'POST',
        headers: b.auth,
        json: { events: [testEvent({ occurredAt: '2026-11-20T10:00:00.000Z' })] },
      });

    const stored = await t.deps.db.select().from(device);
    const keys = stored.map((d) => d.userKey);
    // Nothing of the address is kept: not in the key, not as a label, not in events or rollups.
    for (const d of stored) {
      expect(d.userKey).toMatch(/^p_[0-9a-f]{24}$/);
      expect(d.userLabel).toBeNull();
    }
    const everything = JSON.stringify([
      stored,
      await t.deps.db.select().from(usageEvent),
      await t.deps.db.select().from(usageDaily),
    ]).toLowerCase();
    // Whole address parts only: a short word such as "ada" is also hex, and ids and keys are full of hex.
    for (const word of ['ada.lovelace', 'lovelace', 'bob.byte', 'example.com'])
      expect(everything).not.toContain(word);
    // Keyed, not a plain hash anyone could recompute from a list of staff addresses.
    const plain = createHash('sha256').update('ada.lovelace@example.com').digest('hex');
    expect(keys.some((k) => k?.includes(plain.slice(0, 24)))).toBe(false);
    // One key per person: Ada's two browsers share hers.
    expect(new Set(keys).size).toBe(2);

    const admin = await t.signInAs('admin');
    const res = await t.request('/api/discovery/dashboard?days=7', { cookie: admin });
    expect(res.status).toBe(200);
    const { figures } = (await res.json()) as { figures: { people: number; browsers: number } };
    expect(figures).toMatchObject({ people: 2, browsers: 3 });
  });

  it('gives the same person another key under another organisation secret', async () => {
    const [settings] = await t.deps.db.select().from(orgSettings).where(eq(orgSettings.id, 1));
    const before = (await t.deps.db.select().from(device))[0]!.userKey;
    await t.deps.db
      .update(orgSettings)
      .set({ pseudonymSecret: `${settings!.pseudonymSecret}-rotated` })
      .where(eq(orgSettings.id, 1));
    const again = await enrollTestDevice(t, people[0]!.hint);
    const [row] = await t.deps.db.select().from(device).where(eq(device.id, again.deviceId));
    expect(row?.userKey).toMatch(/^p_/);
    expect(row?.userKey).not.toBe(before);
  });
});
