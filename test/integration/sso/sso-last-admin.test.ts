import { user } from '@sightline/db/schema/auth';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughProvider } from './sso-driver';
import { auditEntries, startSsoWorld, whoAmI } from './sso-test-kit';

let world: Awaited<ReturnType<typeof startSsoWorld>>;
beforeAll(async () => {
  world = await startSsoWorld();
});
afterAll(async () => world.close());

async function signIn(email: string, login: string) {
  const outcome = await signInThroughProvider(world.t, email, login);
  return { ...outcome, me: await whoAmI(world.t, outcome.cookie) };
}

async function idOf(email: string) {
  const [row] = await world.t.deps.db.select({ id: user.id }).from(user).where(eq(user.email, email));
  return row!.id;
}

async function activeAdmins() {
  const rows = await world.t.deps.db.select().from(user).where(eq(user.role, 'admin'));
  return rows.filter((r) => !r.disabled).map((r) => r.email);
}

describe('groups never take the admin role from the last active admin', () => {
  it('keeps alice admin while she is the only one, audited, and lets the groups decide once there is another', async () => {
    const { t, idp, admin } = world;
    const alice = await signIn('alice@corp.example', 'alice');
    expect(alice.me).toMatchObject({ role: 'admin' });
    // Alice makes the password admin a viewer: she is now the only active admin.
    const demoted = await t.request(`/api/users/${await idOf('admin@example.test')}`, {
      method: 'PATCH',
      cookie: alice.cookie,
      json: { role: 'viewer' },
    });
    expect(demoted.status).toBe(200);
    expect(await activeAdmins()).toEqual(['alice@corp.example']);
    expect(await whoAmI(t, admin)).toMatchObject({ role: 'viewer' });

    idp.setGroups('alice', ['staff']);
    const kept = await signIn('alice@corp.example', 'alice');
    expect(kept.me).toMatchObject({ role: 'admin' });
    const [entry] = await auditEntries(t, 'staff.role_kept');
    expect(entry).toMatchObject({
      actorType: 'system',
      targetId: await idOf('alice@corp.example'),
      details: {
        email: 'alice@corp.example',
        role: 'admin',
        groupsGive: 'viewer',
        group: 'staff',
        provider: 'corp',
        reason: 'last active admin',
      },
    });
    expect(await auditEntries(t, 'staff.role_changed')).toHaveLength(1);

    // Bob becomes an admin through his groups; alice's next sign-in follows hers.
    idp.setGroups('bob', ['sightline-admins']);
    expect((await signIn('bob@corp.example', 'bob')).me).toMatchObject({ role: 'admin' });
    expect((await signIn('alice@corp.example', 'alice')).me).toMatchObject({ role: 'viewer' });
    expect((await auditEntries(t, 'staff.role_changed')).at(-1)?.details).toMatchObject({
      email: 'alice@corp.example',
      from: 'admin',
      to: 'viewer',
    });
    expect(await activeAdmins()).toEqual(['bob@corp.example']);
  });

  it('keeps one of two admins whose groups demote both at the same moment', async () => {
    const { idp } = world;
    idp.setGroups('alice', ['sightline-admins']);
    expect((await signIn('alice@corp.example', 'alice')).me).toMatchObject({ role: 'admin' });
    expect((await activeAdmins()).sort()).toEqual(['alice@corp.example', 'bob@corp.example']);

    idp.setGroups('alice', ['staff']);
    idp.setGroups('bob', ['staff']);
    const both = await Promise.all([
      signIn('alice@corp.example', 'alice'),
      signIn('bob@corp.example', 'bob'),
    ]);
    expect(both.map((b) => b.me?.role).sort()).toEqual(['admin', 'viewer']);
    expect(await activeAdmins()).toHaveLength(1);
  });

  it('still refuses the last admin when the provider puts them in no mapped group; they keep the role for a password', async () => {
    const { t, idp } = world;
    const [last] = await activeAdmins();
    const login = last!.split('@')[0]!;
    idp.setGroups(login, ['contractors']);
    const refused = await signIn(last!, login);
    expect(refused.location).toContain('sso_error=no_role');
    expect(refused.me).toBeNull();
    // Refusing a sign-in changes no role: the admin can still come in with a password (the operator's
    // reset-password command gives an SSO-only admin one), and passwords stay on for admins.
    expect(await activeAdmins()).toEqual([last]);
    expect((await auditEntries(t, 'auth.sign_in_failed')).at(-1)?.details).toMatchObject({
      reason: 'no_role',
    });
  });
});
