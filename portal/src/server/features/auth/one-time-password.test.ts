import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '../../auth/auth';
import { resetStaffPassword } from '../../auth/reset-password';
import { ensureFirstAdmin } from '../../bootstrap';
import { routeAccess } from '../../route-access';
import { createTestApp, sessionCookie, TEST_PASSWORD, type TestApp } from '../../testing/test-app';
import { errorOf } from '../../testing/typed-response';

// A one-time password (printed for the first admin, or by reset-password) signs in, but until it is
// replaced the session reaches only "who am I", "change my password" and sign-out.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const UNLOCKED = ['GET /api/me', 'POST /api/auth/change-password'];

const signIn = (email: string, password: string) =>
  t.request('/api/auth/sign-in/email', { method: 'POST', json: { email, password } });

/** Every staff route of the app (by its declared rule), as a concrete request. */
function staffRoutes(): { key: string; method: string; path: string }[] {
  const seen = new Set<string>();
  return t.app.routes
    .map((r) => ({ key: `${r.method} ${r.path}`, method: r.method, path: r.path }))
    .filter(({ key }) => Array.isArray(routeAccess[key]) && !seen.has(key) && seen.add(key))
    .map((r) => ({
      ...r,
      path: r.path.replace(/:([A-Za-z]+)(\{[^}]+\})?/g, '00000000-0000-4000-8000-000000000000'),
    }));
}

async function lockedOut(cookie: string): Promise<string[]> {
  const unexpected: string[] = [];
  for (const { key, method, path } of staffRoutes()) {
    if (UNLOCKED.includes(key)) continue;
    const res = await t.request(path, { method, cookie, json: method === 'GET' ? undefined : {} });
    const code = res.status === 403 ? (await errorOf(res)).error.code : '';
    if (code !== 'password_change_required') unexpected.push(`${key} → ${res.status} ${code}`);
  }
  const session = await t.request('/api/auth/get-session', { cookie });
  if (session.status !== 403) unexpected.push(`GET /api/auth/get-session → ${session.status}`);
  return unexpected;
}

const me = async (cookie: string) =>
  (await (await t.request('/api/me', { cookie })).json()) as { user: { passwordChangeRequired: boolean } };

describe('a one-time password', () => {
  let adminPassword = '';

  it("locks the first admin's session to choosing a new password, which then unlocks it", async () => {
    const first = await ensureFirstAdmin(t.deps.db, t.deps.auth, 'first@example.test');
    const res = await signIn('first@example.test', first!.password);
    expect(res.status).toBe(200);
    const cookie = sessionCookie(res);
    expect(await me(cookie)).toMatchObject({ user: { role: 'admin', passwordChangeRequired: true } });
    expect(staffRoutes().length).toBeGreaterThan(40);
    expect(await lockedOut(cookie)).toEqual([]);

    adminPassword = 'lantern orchard velvet 42';
    const change = await t.request('/api/auth/change-password', {
      method: 'POST',
      cookie,
      json: { currentPassword: first!.password, newPassword: adminPassword },
    });
    expect(change.status).toBe(200);
    const unlocked = sessionCookie(change);
    expect(await me(unlocked)).toMatchObject({ user: { passwordChangeRequired: false } });
    expect((await t.request('/api/users', { cookie: unlocked })).status).toBe(200);
    expect((await t.request('/api/settings', { cookie: unlocked })).status).toBe(200);
  });

  it('is required again after an operator reset, for any role', async () => {
    await createStaffUser(t.deps.auth, {
      email: 'val@example.test',
      name: 'Val',
      role: 'viewer',
      password: TEST_PASSWORD,
    });
    const password = await resetStaffPassword(t.deps.db, t.deps.auth, 'val@example.test');
    const cookie = sessionCookie(await signIn('val@example.test', password!));
    expect(await me(cookie)).toMatchObject({ user: { passwordChangeRequired: true } });
    expect(await lockedOut(cookie)).toEqual([]);
    const change = await t.request('/api/auth/change-password', {
      method: 'POST',
      cookie,
      json: { currentPassword: password, newPassword: 'harbour pebble sonnet 7' },
    });
    expect(change.status).toBe(200);
    expect((await t.request('/api/overview', { cookie: sessionCookie(change) })).status).toBe(200);
  });

  it('lets a session with a one-time password sign out', async () => {
    const password = await resetStaffPassword(t.deps.db, t.deps.auth, 'first@example.test');
    const cookie = sessionCookie(await signIn('first@example.test', password!));
    const out = await t.request('/api/auth/sign-out', { method: 'POST', cookie, json: {} });
    expect(out.status).toBe(200);
    expect((await t.request('/api/me', { cookie })).status).toBe(401);
  });
});
