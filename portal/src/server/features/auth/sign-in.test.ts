import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '../../auth/auth';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../testing/test-app';
import { errorOf } from '../../testing/typed-response';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createStaffUser(t.deps.auth, {
    email: 'rita@example.test',
    name: 'Rita',
    role: 'reviewer',
    password: TEST_PASSWORD,
  });
  await createStaffUser(t.deps.auth, {
    email: 'tom@example.test',
    name: 'Tom',
    role: 'viewer',
    password: TEST_PASSWORD,
  });
});
afterAll(() => t?.close());

const signIn = (email: string, password: string) =>
  t.request('/api/auth/sign-in/email', { method: 'POST', json: { email, password } });

async function auditActions(): Promise<string[]> {
  const cookie = await t.signInAs('auditor');
  const res = await t.request('/api/audit?limit=500', { cookie });
  return ((await res.json()) as { items: { action: string }[] }).items.map((e) => e.action);
}

describe('staff sign-in', () => {
  it('accepts the right password and the session then identifies the user', async () => {
    const res = await signIn('rita@example.test', TEST_PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers
      .getSetCookie()
      .find((c) => c.includes('session_token'))!
      .split(';')[0]!;
    const me = await t.request('/api/me', { cookie });
    expect(await me.json()).toMatchObject({ user: { email: 'rita@example.test', role: 'reviewer' } });
  });

  it('answers a wrong password exactly like an unknown user', async () => {
    const wrong = await signIn('rita@example.test', 'not the password at all');
    const unknown = await signIn('nobody@example.test', 'not the password at all');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('throttles repeated failures for an account, even with the right password afterwards', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await signIn('tom@example.test', `wrong-${i}-password`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const blocked = await signIn('tom@example.test', TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect((await errorOf(blocked)).error.code).toBe('rate_limited');
    // After the window, the right password works again.
    t.clock.set(new Date(Date.now() + 16 * 60_000));
    expect((await signIn('tom@example.test', TEST_PASSWORD)).status).toBe(200);
    t.clock.set(new Date());
  });

  it('records sign-ins and failed sign-ins in the audit trail', async () => {
    const actions = await auditActions();
    expect(actions).toContain('auth.sign_in');
    expect(actions).toContain('auth.sign_in_failed');
    expect(actions).toContain('auth.sign_in_throttled');
  });

  it('refuses a disabled account with the same message', async () => {
    const admin = await t.signInAs('admin');
    const users = (await (await t.request('/api/users', { cookie: admin })).json()) as {
      users: { id: string; email: string }[];
    };
    const rita = users.users.find((u) => u.email === 'rita@example.test')!;
    const disable = await t.request(`/api/users/${rita.id}`, {
      method: 'PATCH',
      cookie: admin,
      json: { disabled: true },
    });
    expect(disable.status).toBe(200);
    const res = await signIn('rita@example.test', TEST_PASSWORD);
    expect(res.status).toBe(401);
    expect((await errorOf(res)).error.message).toBe('Invalid email or password');
  });
});

describe('changing a password', () => {
  it('needs the current password, then only the new one works, and it is audited', async () => {
    const cookie = await t.signInAs('procurement');
    const change = (currentPassword: string) =>
      t.request('/api/auth/change-password', {
        method: 'POST',
        cookie,
        json: { currentPassword, newPassword: 'a brand new passphrase', revokeOtherSessions: false },
      });
    expect((await change('not my password')).status).toBe(400);
    expect((await change(TEST_PASSWORD)).status).toBe(200);
    expect((await signIn('procurement@example.test', TEST_PASSWORD)).status).toBe(401);
    expect((await signIn('procurement@example.test', 'a brand new passphrase')).status).toBe(200);
    expect(await auditActions()).toContain('auth.password_changed');
  });
});
