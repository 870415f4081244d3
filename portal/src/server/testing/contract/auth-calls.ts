import { createStaffUser } from '../../auth/auth';
import { sessionCookie, TEST_PASSWORD } from '../test-app';
import type { ContractCall } from './staff-calls';

const email = 'contract-user@example.test';
const newPassword = 'Quartz-Lantern-91-Orbit-7';

/** A staff member of its own signs in, uses better-auth's session endpoints, changes password, signs out. */
export const authCalls: ContractCall[] = [
  {
    route: 'POST /api/auth/sign-in/email',
    call: async (c) => {
      await createStaffUser(c.t.deps.auth, {
        email,
        name: 'Contract User',
        role: 'viewer',
        password: TEST_PASSWORD,
      });
      const res = await c.t.request('/api/auth/sign-in/email', {
        method: 'POST',
        json: { email, password: TEST_PASSWORD },
        headers: { 'x-forwarded-for': '203.0.113.50' },
      });
      c.save('session', sessionCookie(res));
      return res;
    },
  },
  {
    route: 'POST /api/auth/*',
    call: (c) =>
      c.t.request('/api/auth/revoke-other-sessions', {
        method: 'POST',
        cookie: c.saved('session'),
        json: {},
      }),
  },
  {
    route: 'POST /api/auth/change-password',
    call: async (c) => {
      const res = await c.t.request('/api/auth/change-password', {
        method: 'POST',
        cookie: c.saved('session'),
        json: { currentPassword: TEST_PASSWORD, newPassword },
      });
      c.save('session', sessionCookie(res));
      return res;
    },
  },
  {
    route: 'POST /api/auth/sign-out',
    call: (c) => c.t.request('/api/auth/sign-out', { method: 'POST', cookie: c.saved('session') }),
  },
];
