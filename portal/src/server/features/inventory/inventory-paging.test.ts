import { aiSystem } from '@sightline/db/schema/inventory';
import { afterAll, beforeAll, describe } from 'vitest';
import { pageBoundaryTests } from '../../paging/paging-test-kit';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await t.signInAs('auditor');
});
afterAll(() => t?.close());

const add = async (name: string, createdAt = new Date('2026-03-01T10:00:00.123Z')) =>
  (
    await t.deps.db
      .insert(aiSystem)
      .values({ name, purpose: 'Paging', owner: 'Ops', createdAt })
      .returning({ id: aiSystem.id })
  )[0]!.id;

describe('the AI system inventory, page by page (by name, then when added)', () => {
  pageBoundaryTests(() => ({
    get: (query) => t.request(`/api/inventory?${query}`, { cookie }),
    addTied: async (n) => {
      for (let i = 0; i < n; i++) await add('Support copilot');
    },
    addFirst: () => add('Aardvark assistant'),
    // The same name as the tied rows, added later: the second sort key places it last.
    addLast: () => add('Support copilot', new Date('2027-01-01T00:00:00Z')),
  }));
});
