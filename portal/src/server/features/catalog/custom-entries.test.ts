import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { errorOf } from '../../testing/typed-response';

let t: TestApp;
let procurement: string;
beforeAll(async () => {
  t = await createTestApp();
  procurement = await t.signInAs('procurement');
});
afterAll(() => t?.close());

const internalBot = {
  id: 'acme-internal-assistant',
  name: 'Acme Assistant',
  vendor: 'Acme IT',
  website: 'https://assistant.acme-corp.example',
  category: 'conversational',
  rules: [{ kind: 'domain', value: 'assistant.acme-corp.example' }],
};

const classify = async (url: string) =>
  (
    (await (
      await t.request(`/api/catalog/classify?url=${encodeURIComponent(url)}`, { cookie: procurement })
    ).json()) as {
      result: { serviceId: string | null; matchKind: string | null };
    }
  ).result;

describe('custom catalog entries', () => {
  it('adds an entry that the catalog and the classifier then know, with an audit record', async () => {
    expect((await classify('https://assistant.acme-corp.example/chat')).serviceId).toBeNull();
    const res = await t.request('/api/catalog/custom', {
      method: 'POST',
      cookie: procurement,
      json: internalBot,
    });
    expect(res.status).toBe(201);
    expect((await classify('https://eu.assistant.acme-corp.example/chat')).serviceId).toBe(
      'acme-internal-assistant',
    );
    const catalog = (await (await t.request('/api/catalog', { cookie: procurement })).json()) as {
      customIds: string[];
      entries: { id: string }[];
    };
    expect(catalog.customIds).toEqual(['acme-internal-assistant']);
    expect(catalog.entries.length).toBeGreaterThan(400);
    const audit = (await (
      await t.request('/api/audit?action=catalog.custom_entry_created', {
        cookie: await t.signInAs('auditor'),
      })
    ).json()) as { items: unknown[] };
    expect(audit.items).toHaveLength(1);
  });

  it('changes the ETag of GET /api/catalog when the catalog changes, and answers 304 otherwise', async () => {
    const first = await t.request('/api/catalog', { cookie: procurement });
    const etag = first.headers.get('etag')!;
    expect(
      (await t.request('/api/catalog', { cookie: procurement, headers: { 'if-none-match': etag } })).status,
    ).toBe(304);
    const updated = { ...internalBot, name: 'Acme Assistant 2' };
    expect(
      (
        await t.request(`/api/catalog/custom/${internalBot.id}`, {
          method: 'PUT',
          cookie: procurement,
          json: updated,
        })
      ).status,
    ).toBe(200);
    const after = await t.request('/api/catalog', {
      cookie: procurement,
      headers: { 'if-none-match': etag },
    });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });

  it('refuses an entry that claims a host another service owns, or breaks the schema, and stores nothing', async () => {
    const stealsChatgpt = {
      ...internalBot,
      id: 'acme-fake',
      rules: [{ kind: 'domain', value: 'chatgpt.com' }],
    };
    const conflict = await t.request('/api/catalog/custom', {
      method: 'POST',
      cookie: procurement,
      json: stealsChatgpt,
    });
    expect(conflict.status).toBe(409);
    expect((await errorOf(conflict)).error.message).toContain('openai-chatgpt');
    const sharedPlatform = {
      ...internalBot,
      id: 'acme-bad',
      rules: [{ kind: 'domain', value: 'googleapis.com' }],
    };
    expect(
      (await t.request('/api/catalog/custom', { method: 'POST', cookie: procurement, json: sharedPlatform }))
        .status,
    ).toBe(400);
    const noRules = { ...internalBot, id: 'acme-bad-2', rules: [] };
    expect(
      (await t.request('/api/catalog/custom', { method: 'POST', cookie: procurement, json: noRules })).status,
    ).toBe(400);
    expect((await classify('https://chatgpt.com/')).serviceId).toBe('openai-chatgpt');
  });

  it('overrides a built-in entry by its id and restores it on delete', async () => {
    const override = {
      id: 'openai-chatgpt',
      name: 'ChatGPT Enterprise (our tenant)',
      vendor: 'OpenAI',
      website: 'https://openai.com',
      category: 'conversational',
      rules: [{ kind: 'domain', value: 'chatgpt.com' }],
    };
    expect(
      (await t.request('/api/catalog/custom', { method: 'POST', cookie: procurement, json: override }))
        .status,
    ).toBe(201);
    expect((await classify('https://chat.openai.com/')).serviceId).toBeNull();
    expect(
      (await t.request('/api/catalog/custom/openai-chatgpt', { method: 'DELETE', cookie: procurement }))
        .status,
    ).toBe(200);
    expect((await classify('https://chat.openai.com/')).serviceId).toBe('openai-chatgpt');
  });
});
