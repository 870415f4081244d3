import { vendor } from '@sightline/db/schema/vendors';
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

const add = async (name: string) =>
  (await t.deps.db.insert(vendor).values({ name }).returning({ id: vendor.id }))[0]!.id;

describe('the vendor register, page by page (by name)', () => {
  pageBoundaryTests(() => ({
    get: (query) => t.request(`/api/vendors?${query}`, { cookie }),
    addTied: async (n) => {
      for (let i = 0; i < n; i++) await add('Middle Vendor Ltd');
    },
    addFirst: () => add('Aardvark AI'),
    addLast: () => add('Zzyzx AI'),
  }));
});
