import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '../../auth/auth';
import { createTestApp, sessionCookie, TEST_PASSWORD, type TestApp } from '../../testing/test-app';
import { errorOf } from '../../testing/typed-response';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const signIn = async (email: string, password: string) =>
  t.request('/api/auth/sign-in/email', { method: 'POST', json: { email, password } });

async function newUser(email: string): Promise<void> {
  await createStaffUser(t.deps.auth, { email, name: 'Pat', role: 'procurement', password: TEST_PASSWORD });
}

const change = (cookie: string, json: Record<string, unknown>) =>
  t.request('/api/auth/change-password', { method: 'POST', cookie, json });

const meStatus = async (cookie: string) => (await t.request('/api/me', { cookie })).status;

describe('changing your password', () => {
  it('signs out your other sessions even when the client asks to keep them; this one carries on', async () => {
    await newUser('pat@example.test');
    const laptop = sessionCookie(await signIn('pat@example.test', TEST_PASSWORD));
    const phone = sessionCookie(await signIn('pat@example.test', TEST_PASSWORD));
    const res = await change(laptop, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'lantern orchard velvet 42',
      revokeOtherSessions: false,
    });
    expect(res.status).toBe(200);
    expect(await meStatus(phone)).toBe(401);
    expect(await meStatus(sessionCookie(res))).toBe(200);
    expect((await signIn('pat@example.test', 'lantern orchard velvet 42')).status).toBe(200);
  });

  it('refuses a password that is easy to guess, says why, and keeps the old one', async () => {
    await newUser('sam.sample@example.test');
    const cookie = sessionCookie(await signIn('sam.sample@example.test', TEST_PASSWORD));
    for (const [newPassword, why] of [
      ['aaaaaaaaaaaa', /repeats the same character/],
      ['1qaz2wsx3edc', /most common passwords/],
      ['sam.sample is my name', /name in your email address/],
      [TEST_PASSWORD, /differs from your current one/],
    ] as const) {
      const res = await change(cookie, { currentPassword: TEST_PASSWORD, newPassword });
      expect(res.status, newPassword).toBe(400);
      expect((await errorOf(res)).error.message).toMatch(why);
    }
    expect(await meStatus(cookie)).toBe(200);
    expect((await signIn('sam.sample@example.test', TEST_PASSWORD)).status).toBe(200);
  });

  it('says in words when the current password is wrong', async () => {
    await newUser('quinn@example.test');
    const cookie = sessionCookie(await signIn('quinn@example.test', TEST_PASSWORD));
    const res = await change(cookie, {
      currentPassword: 'not my password',
      newPassword: 'lantern orchard velvet 42',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'bad_request', message: 'Your current password is not right.' },
    });
  });
});
