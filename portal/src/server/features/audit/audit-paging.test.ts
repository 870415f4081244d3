import { auditLog } from '@sightline/db/schema/audit';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe } from 'vitest';
import { recordAudit } from '../../audit/record-audit';
import { pageBoundaryTests } from '../../paging/paging-test-kit';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await t.signInAs('auditor');
});
afterAll(() => t?.close());

/** Appends an entry to the chain and returns its number (the trail's id). */
async function append() {
  await recordAudit(t.deps.db, { actor: { type: 'system' }, action: 'paging.probe' });
  const [last] = await t.deps.db
    .select({ seq: auditLog.seq })
    .from(auditLog)
    .where(eq(auditLog.action, 'paging.probe'))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return String(last!.seq);
}

// Entry numbers are unique and a new entry is always the newest: no ties, and nothing is ever
// added after the cursor, only before it.
describe('the audit trail, page by page (newest first)', () => {
  pageBoundaryTests(() => ({
    get: (query) => t.request(`/api/audit?action=paging.probe&${query}`, { cookie }),
    idOf: (entry) => String(entry.seq),
    addTied: async (n) => {
      for (let i = 0; i < n; i++) await append();
    },
    addFirst: append,
  }));
});
