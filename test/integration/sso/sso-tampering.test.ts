import { TEST_ORIGIN } from '@sightline/portal/server/testing/test-app';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Tamper } from './id-token-tamper';
import { signInThroughProvider } from './sso-driver';
import { auditEntries, startSsoWorld, whoAmI } from './sso-test-kit';

let world: Awaited<ReturnType<typeof startSsoWorld>>;
beforeAll(async () => {
  world = await startSsoWorld();
  // A good sign-in first: its ID token is the one the replay case sends again.
  await signInThroughProvider(world.t, 'alice@corp.example', 'alice');
});
afterEach(() => world.idp.setTamper('none'));
afterAll(async () => world.close());

/** Signs alice in while the token endpoint's answer is altered on its way to the portal. */
async function tamperedSignIn(mode: Tamper) {
  world.idp.setTamper(mode);
  const outcome = await signInThroughProvider(world.t, 'alice@corp.example', 'alice');
  const failure = (await auditEntries(world.t, 'auth.sign_in_failed')).at(-1);
  return { ...outcome, failure, me: await whoAmI(world.t, outcome.cookie) };
}

describe('an altered ID token is refused, with a clear message and an audit entry', () => {
  it.each([
    ['signed with another key', 'bad-signature', 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'],
    ['issued for another client', 'wrong-audience', 'ERR_JWT_CLAIM_VALIDATION_FAILED (aud)'],
    ['expired an hour ago', 'expired', 'ERR_JWT_EXPIRED (exp)'],
  ] as const)('refuses an ID token %s', async (_what, mode, why) => {
    const { location, failure, me } = await tamperedSignIn(mode);
    expect(location).toBe(`${TEST_ORIGIN}/sign-in?sso_error=token_rejected`);
    expect(me).toBeNull();
    expect(failure?.details).toEqual({ method: 'sso', provider: 'corp', reason: 'token_rejected', why });
  });

  it('refuses an earlier sign-in’s ID token replayed into a new one (its nonce is not this one’s)', async () => {
    const { location, failure, me } = await tamperedSignIn('replay');
    expect(location).toBe(`${TEST_ORIGIN}/sign-in?sso_error=nonce_mismatch`);
    expect(me).toBeNull();
    expect(failure?.details).toMatchObject({ reason: 'nonce_mismatch' });
  });

  it('bounds clock skew: an ID token 10 s past its expiry still signs in, one 90 s past does not', async () => {
    const within = await tamperedSignIn({ expiredBySeconds: 10 });
    expect(within.me).toMatchObject({ email: 'alice@corp.example' });
    const beyond = await tamperedSignIn({ expiredBySeconds: 90 });
    expect(beyond.location).toBe(`${TEST_ORIGIN}/sign-in?sso_error=token_rejected`);
    expect(beyond.failure?.details).toMatchObject({ why: 'ERR_JWT_EXPIRED (exp)' });
  });

  it('refuses a callback whose sign-in was never started here (no state, no nonce)', async () => {
    const res = await world.t.request('/api/auth/sso/callback/corp?code=made-up&state=made-up');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${TEST_ORIGIN}/sign-in?sso_error=expired_attempt`);
  });
});
