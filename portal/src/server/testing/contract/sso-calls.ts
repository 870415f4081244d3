import type { ContractCall } from './staff-calls';

/**
 * The single sign-on routes the walk can call without an identity provider: the email-first step for
 * an address of the world's provider, and removing that provider (last, as nothing after needs it).
 */
export const ssoCalls: ContractCall[] = [
  {
    route: 'POST /api/sign-in/method',
    call: (c) =>
      c.t.request('/api/sign-in/method', { method: 'POST', json: { email: 'someone@fuzz-sso.example' } }),
  },
  {
    route: 'DELETE /api/sso/providers/:providerId',
    call: (c) => c.as('admin', 'DELETE', `/api/sso/providers/${c.param('providers/:providerId')}`),
  },
];
