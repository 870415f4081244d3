import { auditLog } from '@sightline/db/schema/audit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { recordAudit } from './record-audit';
import { verifyAuditChain } from './verify-audit';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('audit chain', () => {
  it('verifies an intact chain, also when entries are appended concurrently', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.deps.db.transaction((tx) =>
          recordAudit(tx, {
            actor: { type: 'system' },
            action: 'test.entry',
            details: { i, nested: { b: 1, a: [1, 2] } },
          }),
        ),
      ),
    );
    const result = await verifyAuditChain(t.deps.db);
    expect(result).toMatchObject({ ok: true, checked: 20 });
  });

  it('refuses updates and deletes at the database level', async () => {
    await expect(
      t.deps.db.execute(sql`update audit_log set action = 'forged' where seq = 3`),
    ).rejects.toThrow();
    await expect(t.deps.db.execute(sql`delete from audit_log where seq = 3`)).rejects.toThrow();
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('names the first broken entry when a row is changed behind the application', async () => {
    await t.deps.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await t.deps.db.execute(sql`update ${auditLog} set details = '{"i": 999}'::jsonb where seq = 7`);
    await t.deps.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    const result = await verifyAuditChain(t.deps.db);
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: 7, checked: 6 });

    const cookie = await t.signInAs('auditor');
    const res = await t.request('/api/audit/verify', { cookie });
    expect(await res.json()).toMatchObject({ ok: false, firstBrokenSeq: 7 });
  });
});
