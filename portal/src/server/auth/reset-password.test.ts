import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { resetStaffPassword } from './reset-password';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('operator password reset', () => {
  it('replaces the password, ends existing sessions and leaves an audit entry', async () => {
    const oldSession = await t.signInAs('admin');
    const password = await resetStaffPassword(t.deps.db, t.deps.auth, 'Admin@example.test');
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect((await t.request('/api/me', { cookie: oldSession })).status).toBe(401);
    const signIn = await t.request('/api/auth/sign-in/email', {
      method: 'POST',
      json: { email: 'admin@example.test', password },
    });
    expect(signIn.status).toBe(200);
    const { items: entries } = (await (
      await t.request('/api/audit?action=staff.password_reset_by_operator', {
        cookie: await t.signInAs('auditor'),
      })
    ).json()) as { items: unknown[] };
    expect(entries).toHaveLength(1);
  });

  it('says so when nobody has that email', async () => {
    expect(await resetStaffPassword(t.deps.db, t.deps.auth, 'nobody@example.test')).toBeNull();
  });
});
