import { device } from '@sightline/db/schema/devices';
import { servicePolicy } from '@sightline/db/schema/policy';
import { usageDaily } from '@sightline/db/schema/usage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { rebuildFleetRollups } from '../usage-rollups/rebuild-fleet-rollups';

let t: TestApp;
const today = new Date().toISOString().slice(0, 10);
const longAgo = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  const devices = await t.deps.db
    .insert(device)
    .values(
      ['a', 'b', 'c'].map((k) => ({
        credentialHash: `hash-${k}`,
        userKey: `user-${k}`,
        lastSeenAt: new Date(),
      })),
    )
    .returning({ id: device.id });
  const [a, b, c] = devices.map((d) => d.id) as [string, string, string];
  const row = (day: string, serviceId: string, deviceId: string, userKey: string, visits: number) => ({
    day,
    serviceId,
    deviceId,
    userKey,
    visits,
  });
  await t.deps.db
    .insert(usageDaily)
    .values([
      row(today, 'openai-chatgpt', a, 'user-a', 5),
      row(today, 'openai-chatgpt', b, 'user-b', 2),
      row(today, 'openai-chatgpt', c, 'user-c', 1),
      row(today, 'anthropic-claude', a, 'user-a', 4),
      row(longAgo, 'perplexity', a, 'user-a', 9),
    ]);
  // Written straight to the per-browser counts, so the fleet's rollups are rebuilt from them.
  await rebuildFleetRollups(t.deps.db);
  await t.deps.db.insert(servicePolicy).values({ serviceId: 'anthropic-claude', state: 'approved' });
});
afterAll(() => t?.close());

describe('overview', () => {
  it('ranks the services in use by people, within the period, with names and policy states', async () => {
    const res = await t.request('/api/overview?days=30', { cookie: await t.signInAs('viewer') });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      servicesInUse: number;
      activeDevices: number;
      services: {
        serviceId: string;
        name: string;
        users: number;
        visits: number;
        state: string;
        assessed: boolean;
      }[];
    };
    expect(body.servicesInUse).toBe(2);
    expect(body.activeDevices).toBe(3);
    expect(body.services.map((s) => [s.serviceId, s.name, s.users, s.visits, s.state])).toEqual([
      ['openai-chatgpt', 'ChatGPT', 3, 8, 'unreviewed'],
      ['anthropic-claude', 'Claude', 1, 4, 'approved'],
    ]);
  });

  it('reaches further back when asked and refuses a nonsense period', async () => {
    const cookie = await t.signInAs('viewer');
    const year = (await (await t.request('/api/overview?days=365', { cookie })).json()) as {
      servicesInUse: number;
    };
    expect(year.servicesInUse).toBe(3);
    expect((await t.request('/api/overview?days=0', { cookie })).status).toBe(400);
  });
});
