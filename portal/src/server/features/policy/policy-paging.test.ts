import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageBoundaryTests } from '../../paging/paging-test-kit';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await t.signInAs('procurement');
});
afterAll(() => t?.close());

let made = 0;
/** A custom catalog entry by this name (every one from Paging Probe Ltd, which the probe searches for). */
async function add(name: string) {
  made += 1;
  const id = `paging-probe-${made}`;
  const res = await t.request('/api/catalog/custom', {
    method: 'POST',
    cookie,
    json: {
      id,
      name,
      vendor: 'Paging Probe Ltd',
      website: `https://${id}.example`,
      category: 'other',
      rules: [{ kind: 'domain', value: `${id}.example` }],
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return id;
}

describe('the policy list, page by page (by name, then id)', () => {
  pageBoundaryTests(() => ({
    get: (query) => t.request(`/api/policy/services?q=paging%20probe&${query}`, { cookie }),
    idOf: (item) => String(item.serviceId),
    addTied: async (n) => {
      for (let i = 0; i < n; i++) await add('Tied Probe');
    },
    addFirst: () => add('0 Probe first'),
    addLast: () => add('Zz Probe last'),
  }));

  it('walks the whole catalog, where the page used to stop at 200, with the counts of all of it', async () => {
    const catalog = (await (await t.request('/api/catalog', { cookie })).json()) as { entries: unknown[] };
    const seen: string[] = [];
    let cursor: string | null = null;
    let counts: Record<string, number> = {};
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = (await (await t.request(`/api/policy/services?limit=250${query}`, { cookie })).json()) as {
        items: { serviceId: string }[];
        nextCursor: string | null;
        counts: Record<string, number>;
      };
      seen.push(...page.items.map((s) => s.serviceId));
      cursor = page.nextCursor;
      counts = page.counts;
    } while (cursor);
    expect(catalog.entries.length).toBeGreaterThan(500);
    expect(seen).toHaveLength(catalog.entries.length);
    expect(new Set(seen).size).toBe(seen.length);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(catalog.entries.length);
  });

  it('lists approved alternatives, and an alternative already chosen even once it is no longer approved', async () => {
    const set = (serviceId: string, body: Record<string, unknown>) =>
      t.request(`/api/policy/services/${serviceId}`, { method: 'PUT', cookie, json: body });
    expect((await set('anthropic-claude', { state: 'approved' })).status).toBe(200);
    expect(
      (await set('openai-chatgpt', { state: 'unapproved', alternativeServiceId: 'anthropic-claude' })).status,
    ).toBe(200);
    expect((await set('anthropic-claude', { state: 'unreviewed' })).status).toBe(200);
    expect(
      (await set('google-gemini', { state: 'conditional', conditions: 'No customer data' })).status,
    ).toBe(200);
    const { services } = (await (await t.request('/api/policy/alternatives', { cookie })).json()) as {
      services: { serviceId: string }[];
    };
    expect(services.map((s) => s.serviceId).sort()).toEqual(['anthropic-claude', 'google-gemini']);
    const row = (await (await t.request('/api/policy/services?q=openai-chatgpt', { cookie })).json()) as {
      items: { serviceId: string; alternativeName: string | null }[];
    };
    expect(row.items.find((s) => s.serviceId === 'openai-chatgpt')?.alternativeName).toBe('Claude');
  });
});
