import { auditLog } from '@sightline/db/schema/audit';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('org settings', () => {
  it('an admin changes them; each change is audit-logged with old and new values; the secret never shows', async () => {
    const admin = await t.signInAs('admin');
    const res = await t.request('/api/settings', {
      method: 'PATCH',
      cookie: admin,
      json: { mode: 'monitor', failMode: 'closed', pseudonymiseUsers: false, proceedOnceMinutes: 15 },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      mode: 'monitor',
      failMode: 'closed',
      pseudonymiseUsers: false,
      proceedOnceMinutes: 15,
    });
    expect(JSON.stringify(body)).not.toMatch(/pseudonymSecret/);
    const [entry] = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'settings.changed'));
    expect(entry?.details).toMatchObject({
      mode: { from: 'coach', to: 'monitor' },
      failMode: { from: 'open', to: 'closed' },
    });
  });

  it('carries the decision settings: separation of duties on and rejected services blocked by default', async () => {
    const admin = await t.signInAs('admin');
    const current = (await (await t.request('/api/settings', { cookie: admin })).json()) as Record<
      string,
      unknown
    >;
    expect(current).toMatchObject({ separateApproverFromReviewer: true, rejectedServiceState: 'blocked' });
    const res = await t.request('/api/settings', {
      method: 'PATCH',
      cookie: admin,
      json: { separateApproverFromReviewer: false, rejectedServiceState: 'unapproved' },
    });
    expect(await res.json()).toMatchObject({
      separateApproverFromReviewer: false,
      rejectedServiceState: 'unapproved',
    });
    const entries = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'settings.changed'));
    expect(entries.at(-1)?.details).toEqual({
      separateApproverFromReviewer: { from: true, to: false },
      rejectedServiceState: { from: 'blocked', to: 'unapproved' },
    });
    for (const json of [{ rejectedServiceState: 'deleted' }, { separateApproverFromReviewer: 'yes' }]) {
      const bad = await t.request('/api/settings', { method: 'PATCH', cookie: admin, json });
      expect(bad.status, JSON.stringify(json)).toBe(400);
    }
  });

  it('refuses bad values with 400 and changes nothing; only admins may change, auditors may read', async () => {
    const admin = await t.signInAs('admin');
    for (const json of [
      {},
      { mode: 'lockdown' },
      { emailDomains: ['not a domain'] },
      { proceedOnceMinutes: 0 },
      { secret: 'x' },
    ]) {
      const res = await t.request('/api/settings', { method: 'PATCH', cookie: admin, json });
      expect(res.status, JSON.stringify(json)).toBe(400);
    }
    const auditor = await t.signInAs('auditor');
    expect((await t.request('/api/settings', { cookie: auditor })).status).toBe(200);
    expect(
      (await t.request('/api/settings', { method: 'PATCH', cookie: auditor, json: { mode: 'coach' } }))
        .status,
    ).toBe(403);
    const current = (await (await t.request('/api/settings', { cookie: admin })).json()) as { mode: string };
    expect(current.mode).toBe('monitor');
  });
});
