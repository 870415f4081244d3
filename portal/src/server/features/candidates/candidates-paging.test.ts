import { randomUUID } from 'node:crypto';
import { aiCandidate } from '@sightline/db/schema/catalog';
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

const add = async (deviceCount: number, status: 'open' | 'dismissed' = 'open') =>
  (
    await t.deps.db
      .insert(aiCandidate)
      .values({ host: `${randomUUID()}.ai`, deviceCount, status })
      .returning({ id: aiCandidate.id })
  )[0]!.id;

describe('the candidate hosts, page by page (open first, then most browsers)', () => {
  pageBoundaryTests(() => ({
    get: (query) => t.request(`/api/candidates?${query}`, { cookie }),
    addTied: async (n) => {
      for (let i = 0; i < n; i++) await add(3);
    },
    addFirst: () => add(50),
    // Decided hosts come after every open one, however many browsers saw them.
    addLast: () => add(90, 'dismissed'),
  }));

  it('pages the open and the decided hosts apart', async () => {
    const ids = async (status: string) =>
      (
        (await (await t.request(`/api/candidates?status=${status}&limit=500`, { cookie })).json()) as {
          items: { status: string }[];
        }
      ).items.map((c) => c.status);
    expect(new Set(await ids('open'))).toEqual(new Set(['open']));
    expect(new Set(await ids('decided'))).toEqual(new Set(['dismissed']));
    const bad = await t.request('/api/candidates?status=accepted', { cookie });
    expect(bad.status).toBe(400);
  });
});
