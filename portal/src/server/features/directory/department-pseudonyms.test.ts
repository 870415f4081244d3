import { createHash } from 'node:crypto';
import { auditLog } from '@sightline/db/schema/audit';
import { device } from '@sightline/db/schema/devices';
import { personDepartment } from '@sightline/db/schema/directory';
import { orgSettings } from '@sightline/db/schema/org';
import { servicePolicy } from '@sightline/db/schema/policy';
import type { UsageEvent } from '@sightline/shared/extension-api/usage-events';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { enrollTestDevice, testEvent } from '../extension-api/test-helpers';
import { uploadDepartments } from './department-test-kit';

const NOW = new Date('2026-11-20T12:00:00.000Z');
let t: TestApp;
let viewer: string;
beforeAll(async () => {
  t = await createTestApp({ start: NOW });
  viewer = await t.signInAs('viewer');
});
afterAll(() => t.close());

async function use(
  auth: Record<string, string>,
  serviceId: string,
  visits: number,
  occurredAt = '2026-11-20T10:00:00.000Z',
) {
  const host = serviceId === 'openai-chatgpt' ? 'chatgpt.com' : 'claude.ai';
  const events: UsageEvent[] = Array.from({ length: visits }, () =>
    testEvent({ serviceId, host, matchedRule: `domain:${host}`, occurredAt }),
  );
  const res = await t.request('/api/ext/events', { method: 'POST', headers: auth, json: { events } });
  expect(res.status).toBe(200);
}

type Breakdown = { mappedPeople: number; rows: Record<string, unknown>[] };

describe('departments under pseudonymisation (the default)', () => {
  it('keys each person by the same keyed hash as their browsers, stores no address, and counts by department', async () => {
    // Ada on two browsers (her address typed two ways), Bob, Carol (not in the file), a browser with no user.
    const ada1 = await enrollTestDevice(t, 'Ada.Lovelace@Example.com');
    const ada2 = await enrollTestDevice(t, ' ada.lovelace@example.com');
    const bob = await enrollTestDevice(t, 'bob.byte@example.com');
    const carol = await enrollTestDevice(t, 'carol.chip@example.com');
    const anonymous = await enrollTestDevice(t, null);
    await use(ada1.auth, 'openai-chatgpt', 2);
    // Ada's second browser: the same day once more, and a second day.
    await use(ada2.auth, 'openai-chatgpt', 1);
    await use(ada2.auth, 'openai-chatgpt', 1, '2026-11-19T10:00:00.000Z');
    await use(bob.auth, 'anthropic-claude', 4);
    await use(carol.auth, 'openai-chatgpt', 1);
    await use(anonymous.auth, 'anthropic-claude', 1);
    await t.deps.db.insert(servicePolicy).values({ serviceId: 'anthropic-claude', state: 'approved' });

    const admin = await t.signInAs('admin');
    const res = await uploadDepartments(
      t,
      admin,
      'email,department,manager\n' +
        'ADA.LOVELACE@example.com,Engineering,grace.hopper@example.com\n' +
        'bob.byte@example.com,Sales,\n' +
        'dave.disk@example.com,Engineering,grace.hopper@example.com\n',
    );
    expect(res.status).toBe(200);

    const rows = await t.deps.db.select().from(personDepartment);
    const [adaDevice] = await t.deps.db.select().from(device).where(eq(device.id, ada1.deviceId));
    expect(rows.map((r) => r.personKey)).toContain(adaDevice!.userKey);
    for (const r of rows) {
      expect(r.personKey).toMatch(/^p_[0-9a-f]{24}$/);
      expect(r.email).toBeNull();
      if (r.managerKey !== null) expect(r.managerKey).toMatch(/^p_[0-9a-f]{24}$/);
    }
    // Ada's and Dave's manager is one person, keyed once.
    expect(new Set(rows.map((r) => r.managerKey).filter(Boolean)).size).toBe(1);
    const everything = JSON.stringify([rows, await t.deps.db.select().from(auditLog)]).toLowerCase();
    for (const word of ['lovelace', 'bob.byte', 'dave.disk', 'hopper', 'example.com'])
      expect(everything).not.toContain(word);
    const plain = createHash('sha256').update('ada.lovelace@example.com').digest('hex');
    expect(rows.some((r) => r.personKey.includes(plain.slice(0, 24)))).toBe(false);

    // The dashboard, as a viewer reads it: Dave never used anything, so two mapped people appear.
    const dash = await t.request('/api/discovery/dashboard?days=7', { cookie: viewer });
    expect(dash.status).toBe(200);
    const { byDepartment, figures } = (await dash.json()) as {
      byDepartment: Breakdown;
      figures: { people: number };
    };
    expect(figures.people).toBe(4);
    expect(byDepartment).toEqual({
      mappedPeople: 2,
      rows: [
        { department: 'Engineering', people: 1, unsanctionedPeople: 1 },
        { department: 'Sales', people: 1, unsanctionedPeople: 0 },
        // Carol (on ChatGPT, unreviewed) and the browser without a user (on Claude, approved).
        { department: null, people: 2, unsanctionedPeople: 1 },
      ],
    });

    // The service page: each person with their department, and people and days of use per department
    // (Ada on two days from two browsers: 2; Carol on one).
    const page = await t.request('/api/discovery/services/openai-chatgpt?days=7', { cookie: viewer });
    expect(page.status).toBe(200);
    const detail = (await page.json()) as {
      byDepartment: Breakdown;
      people: { person: string; department: string | null; visits: number }[];
    };
    expect(detail.byDepartment).toEqual({
      mappedPeople: 2,
      rows: [
        { department: 'Engineering', people: 1, activeDays: 2 },
        { department: null, people: 1, activeDays: 1 },
      ],
    });
    expect(detail.people.map((p) => [p.person, p.department, p.visits])).toEqual([
      [adaDevice!.userKey, 'Engineering', 4],
      [expect.stringMatching(/^p_/), null, 1],
    ]);
  });

  it('keeps the address as the key when pseudonymisation is off, as the browsers do', async () => {
    await t.deps.db.update(orgSettings).set({ pseudonymiseUsers: false }).where(eq(orgSettings.id, 1));
    const erin = await enrollTestDevice(t, 'Erin.Echo@example.com');
    await use(erin.auth, 'anthropic-claude', 1);
    const res = await uploadDepartments(
      t,
      await t.signInAs('admin'),
      'email,department\nerin.echo@example.com,Legal\n',
    );
    expect(res.status).toBe(200);
    const [row] = await t.deps.db
      .select()
      .from(personDepartment)
      .where(eq(personDepartment.personKey, 'erin.echo@example.com'));
    expect(row).toMatchObject({ email: 'erin.echo@example.com', department: 'Legal', source: 'csv' });
    const dash = await t.request('/api/discovery/dashboard?days=7', { cookie: viewer });
    const { byDepartment } = (await dash.json()) as { byDepartment: Breakdown };
    expect(byDepartment.rows).toContainEqual({ department: 'Legal', people: 1, unsanctionedPeople: 0 });
  });
});
