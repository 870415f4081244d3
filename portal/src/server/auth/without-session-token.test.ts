import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../testing/test-app';
import { createStaffUser } from './auth';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createStaffUser(t.deps.auth, {
    email: 'rita@example.test',
    name: 'Rita',
    role: 'reviewer',
    password: TEST_PASSWORD,
  });
});
afterAll(() => t?.close());

describe('the session token stays in its httpOnly cookie', () => {
  it('is not in the body of a sign-in or of the session route, and the session still works', async () => {
    const res = await t.request('/api/auth/sign-in/email', {
      method: 'POST',
      json: { email: 'rita@example.test', password: TEST_PASSWORD },
    });
    expect(res.status).toBe(200);
    const cookie = res.headers
      .getSetCookie()
      .find((c) => c.includes('session_token'))!
      .split(';')[0]!;
    const rawToken = decodeURIComponent(cookie.split('=')[1]!).split('.')[0]!;
    expect(rawToken.length).toBeGreaterThan(10);
    const signInBody = await res.text();
    expect(signInBody).toContain('rita@example.test');
    expect(signInBody).not.toContain(rawToken);

    const session = await t.request('/api/auth/get-session', { cookie });
    expect(session.status).toBe(200);
    const sessionBody = await session.text();
    expect(sessionBody).toContain('rita@example.test');
    expect(sessionBody).not.toContain(rawToken);
    expect(JSON.parse(sessionBody).session).not.toHaveProperty('token');
  });
});
