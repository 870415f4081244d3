import { randomUUID } from 'node:crypto';
import { accessRequest } from '@sightline/db/schema/usage';
import { afterAll, beforeAll, describe } from 'vitest';
import { pageBoundaryTests } from '../../paging/paging-test-kit';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await t.signInAs('procurement');
});
afterAll(() => t?.close());

const add = async (createdAt: Date) =>
  (
    await t.deps.db
      .insert(accessRequest)
      .values({
        clientRequestId: randomUUID(),
        serviceId: 'openai-chatgpt',
        justification: 'Drafting',
        intendedUse: 'Internal notes',
        createdAt,
      })
      .returning({ id: accessRequest.id })
  )[0]!.id;

describe('the access requests, page by page (newest first)', () => {
  pageBoundaryTests(() => ({
    get: (query) => t.request(`/api/requests?${query}`, { cookie }),
    addTied: async (n) => {
      for (let i = 0; i < n; i++) await add(new Date('2026-03-01T10:00:00.123456Z'));
    },
    addFirst: () => add(new Date('2030-01-01T00:00:00Z')),
    addLast: () => add(new Date('2001-01-01T00:00:00Z')),
  }));
});
