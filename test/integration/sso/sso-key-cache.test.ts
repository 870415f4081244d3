import { ssoProvider } from '@sightline/db/schema/sso';
import { TEST_ORIGIN } from '@sightline/portal/server/testing/test-app';
import { runWorkerTick, workers } from '@sightline/portal/server/workers';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughProvider } from './sso-driver';
import { auditEntries, startSsoWorld, whoAmI } from './sso-test-kit';

let world: Awaited<ReturnType<typeof startSsoWorld>>;
beforeAll(async () => {
  world = await startSsoWorld();
});
afterAll(async () => world.close());

async function signInAlice() {
  const outcome = await signInThroughProvider(world.t, 'alice@corp.example', 'alice');
  return { ...outcome, me: await whoAmI(world.t, outcome.cookie) };
}

async function storedJwksEndpoint() {
  const [row] = await world.t.deps.db
    .select({ config: ssoProvider.oidcConfig })
    .from(ssoProvider)
    .where(eq(ssoProvider.providerId, 'corp'));
  return (JSON.parse(row?.config ?? '{}') as { jwksEndpoint?: string }).jwksEndpoint;
}

const discoveryWorker = workers.find((w) => w.name === 'sso-discovery')!;

describe("the provider's keys and endpoints, kept between sign-ins", () => {
  it('fetches the JWKS once for several sign-ins, and again only when a token names a new key', async () => {
    const { idp } = world;
    for (let i = 0; i < 3; i += 1) expect((await signInAlice()).me).toMatchObject({ role: 'admin' });
    expect(idp.requestsFor('GET', '/jwks')).toBe(1);

    idp.rotateKeys();
    expect((await signInAlice()).me).toMatchObject({ role: 'admin' });
    expect(idp.requestsFor('GET', '/jwks')).toBe(2);
    expect((await signInAlice()).me).toMatchObject({ role: 'admin' });
    // The old key leaving the set changes nothing for the portal: it already has the new one.
    idp.retireOldKeys();
    expect((await signInAlice()).me).toMatchObject({ role: 'admin' });
    expect(idp.requestsFor('GET', '/jwks')).toBe(2);
  });

  it('reads the discovery document again on schedule and follows a JWKS that moved, audited', async () => {
    const { t, idp } = world;
    const before = await storedJwksEndpoint();
    // Nothing moved: the refresh writes nothing.
    await runWorkerTick(discoveryWorker, t.deps);
    expect(await auditEntries(t, 'sso.provider_endpoints_changed')).toEqual([]);

    // The provider publishes its keys elsewhere and signs with a key the portal has never seen.
    idp.moveJwks('/keys/v2');
    idp.rotateKeys();
    idp.retireOldKeys();
    const stale = await signInAlice();
    expect(stale.location).toBe(`${TEST_ORIGIN}/sign-in?sso_error=token_rejected`);
    expect(stale.me).toBeNull();

    await runWorkerTick(discoveryWorker, t.deps);
    expect(await storedJwksEndpoint()).toBe(idp.jwksUrl());
    const changes = await auditEntries(t, 'sso.provider_endpoints_changed');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      actorType: 'system',
      targetId: 'corp',
      details: { changes: { jwksEndpoint: { from: before, to: idp.jwksUrl() } } },
    });

    expect((await signInAlice()).me).toMatchObject({ role: 'admin' });
    expect(idp.requestsFor('GET', '/keys/v2')).toBe(1);
    await runWorkerTick(discoveryWorker, t.deps);
    expect(await auditEntries(t, 'sso.provider_endpoints_changed')).toHaveLength(1);
  });
});
