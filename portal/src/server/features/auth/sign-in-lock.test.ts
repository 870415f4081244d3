import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '../../auth/auth';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../testing/test-app';
import { SIGN_IN_FAILURES } from './sign-in-guard';

// The account lock has to hold when the guesses arrive together, not only one after another: a 401
// means the password was checked, a 429 that the lock refused the attempt before checking it. Each
// request comes from its own address, so only the per-account lock is in play.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

async function parallelWrongPasswords(email: string, count: number): Promise<number[]> {
  const attempts = Array.from({ length: count }, (_, i) =>
    t.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'x-forwarded-for': `198.51.100.${i % 250}` },
      json: { email, password: `wrong guess number ${i}` },
    }),
  );
  return (await Promise.all(attempts)).map((res) => res.status);
}

describe('the sign-in lock under concurrent guesses', () => {
  for (const count of [20, 100]) {
    it(`checks only ${SIGN_IN_FAILURES.limit} of ${count} parallel wrong passwords, then refuses the right one`, {
      timeout: 180_000,
    }, async () => {
      const email = `parallel-${count}@example.test`;
      await createStaffUser(t.deps.auth, { email, name: 'Target', role: 'viewer', password: TEST_PASSWORD });
      const statuses = await parallelWrongPasswords(email, count);
      expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
      expect(statuses.filter((s) => s === 401)).toHaveLength(SIGN_IN_FAILURES.limit);
      const right = await t.request('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'x-forwarded-for': '203.0.113.9' },
        json: { email, password: TEST_PASSWORD },
      });
      expect(right.status).toBe(429);
    });
  }
});
