import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { recordAudit } from './record-audit';
import { verifyAuditChain } from './verify-audit';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('recording audit entries', () => {
  it('keeps one chain when callers append concurrently without a transaction of their own', async () => {
    const appends = Array.from({ length: 20 }, (_, i) =>
      recordAudit(t.deps.db, { actor: { type: 'anonymous' }, action: 'test.outside_tx', details: { i } }),
    );
    expect((await Promise.allSettled(appends)).filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await verifyAuditChain(t.deps.db)).toMatchObject({ ok: true, checked: 20 });
  });
});
