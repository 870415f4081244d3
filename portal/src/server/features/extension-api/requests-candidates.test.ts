import { randomUUID } from 'node:crypto';
import { auditLog } from '@sightline/db/schema/audit';
import { aiCandidate } from '@sightline/db/schema/catalog';
import { accessRequest } from '@sightline/db/schema/usage';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { enrollTestDevice } from './test-helpers';

let t: TestApp;
let dev: Awaited<ReturnType<typeof enrollTestDevice>>;
beforeAll(async () => {
  t = await createTestApp();
  dev = await enrollTestDevice(t);
});
afterAll(() => t.close());

describe('access requests from the extension', () => {
  it('creates one request per client id and lists it per service for staff', async () => {
    const input = {
      clientRequestId: randomUUID(),
      serviceId: 'anthropic-claude',
      justification: 'Drafting release notes faster',
      intendedUse: 'Summaries of public changelogs',
      dataCategories: ['public'],
    };
    const first = await t.request('/api/ext/requests', { method: 'POST', json: input, headers: dev.auth });
    expect(first.status).toBe(201);
    const created = (await first.json()) as { requestId: string; created: boolean };
    const retry = await t.request('/api/ext/requests', { method: 'POST', json: input, headers: dev.auth });
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as { requestId: string }).requestId).toBe(created.requestId);
    expect(await t.deps.db.select().from(accessRequest)).toHaveLength(1);
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'access_request.created'));
    expect(audit).toHaveLength(1);

    const procurement = await t.signInAs('procurement');
    const list = await t.request('/api/requests', { cookie: procurement });
    const { items, services } = (await list.json()) as {
      items: { id: string; serviceId: string }[];
      services: { serviceId: string; serviceName: string; open: number; total: number }[];
    };
    expect(services).toEqual([
      { serviceId: 'anthropic-claude', serviceName: 'Claude', vendor: 'Anthropic', open: 1, total: 1 },
    ]);
    expect(items.map((r) => [r.id, r.serviceId])).toEqual([[created.requestId, 'anthropic-claude']]);

    const status = await t.request(`/api/requests/${created.requestId}`, {
      method: 'PATCH',
      cookie: procurement,
      json: { status: 'rejected' },
    });
    expect(status.status).toBe(200);
  });

  it('rejects a request without a justification and stores nothing', async () => {
    const res = await t.request('/api/ext/requests', {
      method: 'POST',
      headers: dev.auth,
      json: {
        clientRequestId: randomUUID(),
        serviceId: 'openai-chatgpt',
        justification: '',
        intendedUse: 'x',
        dataCategories: [],
      },
    });
    expect(res.status).toBe(400);
    expect(await t.deps.db.select().from(accessRequest)).toHaveLength(1);
  });
});

describe('AI candidates', () => {
  it('records unknown AI-looking hosts once per host, counts devices exactly, ignores catalog hosts', async () => {
    const body = {
      candidates: [
        { host: 'newthing.ai', signals: ['ai-tld'] },
        { host: 'chatgpt.com', signals: ['ai-label'] },
      ],
    };
    const res = await t.request('/api/ext/candidates', { method: 'POST', json: body, headers: dev.auth });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 1, ignored: 1 });
    await t.request('/api/ext/candidates', { method: 'POST', json: body, headers: dev.auth });
    const other = await enrollTestDevice(t, 'eve@example.com');
    await t.request('/api/ext/candidates', { method: 'POST', json: body, headers: other.auth });
    const rows = await t.deps.db.select().from(aiCandidate);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ host: 'newthing.ai', reports: 3, deviceCount: 2, status: 'open' });

    const admin = await t.signInAs('admin');
    const dismiss = await t.request(`/api/candidates/${rows[0]!.id}/dismiss`, {
      method: 'POST',
      cookie: admin,
    });
    expect(dismiss.status).toBe(200);
    const list = await t.request('/api/candidates', { cookie: admin });
    expect(((await list.json()) as { items: { status: string }[] }).items[0]?.status).toBe('dismissed');
  });

  it('rejects hosts with a scheme, path or upper case', async () => {
    for (const host of ['https://x.ai', 'x.ai/path', 'X.AI', '']) {
      const res = await t.request('/api/ext/candidates', {
        method: 'POST',
        headers: dev.auth,
        json: { candidates: [{ host, signals: ['ai-tld'] }] },
      });
      expect(res.status, host).toBe(400);
    }
  });
});
