import { auditLog } from '@sightline/db/schema/audit';
import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { enrollTestDevice, testEvent } from '../extension-api/test-helpers';
import { column, readCsvDownload } from './csv-download-test-kit';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ start: new Date('2026-11-20T12:00:00.000Z') });
  const ada = await enrollTestDevice(t, 'ada@example.com');
  const bob = await enrollTestDevice(t, 'bob@example.com');
  const send = (auth: Record<string, string>, serviceId: string, host: string, day: string) =>
    t.request('/api/ext/events', {
      method: 'POST',
      headers: auth,
      json: { events: [testEvent({ serviceId, host, occurredAt: `${day}T10:00:00.000Z` })] },
    });
  await send(ada.auth, 'openai-chatgpt', 'chatgpt.com', '2026-11-10');
  await send(bob.auth, 'openai-chatgpt', 'chatgpt.com', '2026-11-12');
  await send(ada.auth, 'anthropic-claude', 'claude.ai', '2026-10-05');
});
afterAll(() => t.close());

const get = async (path: string, role: Parameters<TestApp['signInAs']>[0] = 'viewer') =>
  t.request(path, { cookie: await t.signInAs(role) });

describe('the dashboard service table as CSV', () => {
  it('follows a custom period, row for row with the table the dashboard shows', async () => {
    const query = 'from=2026-11-01&to=2026-11-20&sort=people';
    const shown = (await (await get(`/api/discovery/services?${query}`)).json()) as {
      services: { name: string; people: number }[];
    };
    const csv = await readCsvDownload(
      await get(`/api/discovery/services/export.csv?${query}`),
      'ai-services-2026-11-01-to-2026-11-20',
    );
    expect(column(csv, 'Service')).toEqual(shown.services.map((s) => s.name));
    expect(column(csv, 'Service id')).toEqual(['openai-chatgpt']);
    expect(column(csv, 'People')).toEqual(['2']);
  });

  it('takes the last n days as the dashboard does, and the October use then counts', async () => {
    const csv = await readCsvDownload(
      await get('/api/discovery/services/export.csv?days=90'),
      'ai-services-2026-08-23-to-2026-11-20',
    );
    expect(column(csv, 'Service id').sort()).toEqual(['anthropic-claude', 'openai-chatgpt']);
    const [own] = await t.deps.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    expect(own).toMatchObject({ action: 'export.downloaded', targetId: 'ai-services' });
    expect(own?.details).toMatchObject({ from: '2026-08-23', to: '2026-11-20' });
  });

  it('refuses a bad period with 400 and writes nothing', async () => {
    const before = (await t.deps.db.select().from(auditLog)).length;
    for (const bad of ['from=2026-11-20&to=2026-11-01', 'days=0', 'days=30&from=2026-11-01', 'sort=cheapest'])
      expect((await get(`/api/discovery/services/export.csv?${bad}`)).status, bad).toBe(400);
    expect((await t.deps.db.select().from(auditLog)).length).toBe(before);
  });
});
