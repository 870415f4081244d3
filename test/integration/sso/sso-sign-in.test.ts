import { personDepartment } from '@sightline/db/schema/directory';
import { TEST_ORIGIN } from '@sightline/portal/server/testing/test-app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughProvider } from './sso-driver';
import { auditEntries, startSsoWorld, whoAmI } from './sso-test-kit';

let world: Awaited<ReturnType<typeof startSsoWorld>>;
beforeAll(async () => {
  world = await startSsoWorld();
});
afterAll(async () => world.close());

describe('single sign-on through a real OpenID Connect provider', () => {
  it('creates the person at their first sign-in with the role their group maps to, and their department', async () => {
    const { t } = world;
    const alice = await signInThroughProvider(t, 'alice@corp.example', 'alice');
    expect(alice.location).toBe(`${TEST_ORIGIN}/`);
    expect(await whoAmI(t, alice.cookie)).toMatchObject({ email: 'alice@corp.example', role: 'admin' });

    const provisioned = await auditEntries(t, 'staff.sso_provisioned');
    expect(provisioned.map((e) => e.details)).toContainEqual(
      expect.objectContaining({
        email: 'alice@corp.example',
        role: 'admin',
        group: 'sightline-admins',
        provider: 'corp',
      }),
    );
    const signIns = await auditEntries(t, 'auth.sign_in');
    expect(signIns.at(-1)).toMatchObject({
      actorLabel: 'alice@corp.example',
      details: { method: 'sso', provider: 'corp' },
    });
    const departments = await t.deps.db.select().from(personDepartment);
    expect(departments).toEqual([expect.objectContaining({ department: 'Security', source: 'sign-in' })]);
  });

  it('changes the role when the groups change at the provider, and refuses someone in no mapped group', async () => {
    const { t, idp } = world;
    const first = await signInThroughProvider(t, 'bob@corp.example', 'bob');
    // The first rule that matches decides: ai-procurement comes before staff.
    expect(await whoAmI(t, first.cookie)).toMatchObject({ role: 'procurement' });

    idp.setGroups('bob', ['staff']);
    const second = await signInThroughProvider(t, 'bob@corp.example', 'bob');
    expect(await whoAmI(t, second.cookie)).toMatchObject({ role: 'viewer' });
    const changes = await auditEntries(t, 'staff.role_changed');
    expect(changes.at(-1)?.details).toMatchObject({
      email: 'bob@corp.example',
      from: 'procurement',
      to: 'viewer',
      provider: 'corp',
    });

    idp.setGroups('bob', ['contractors']);
    const refused = await signInThroughProvider(t, 'bob@corp.example', 'bob');
    expect(refused.location).toBe(`${TEST_ORIGIN}/sign-in?sso_error=no_role`);
    expect(await whoAmI(t, refused.cookie)).toBeNull();
    // The session from before ends too: removed from every group means no access now.
    expect(await whoAmI(t, second.cookie)).toBeNull();
    const failures = await auditEntries(t, 'auth.sign_in_failed');
    expect(failures.at(-1)).toMatchObject({
      targetType: 'user',
      details: { method: 'sso', reason: 'no_role' },
    });
  });

  it('keeps signing people in while the provider rotates its signing key, and after the old key is gone', async () => {
    const { t, idp } = world;
    const before = idp.currentKid();
    idp.rotateKeys();
    expect(idp.currentKid()).not.toBe(before);
    const during = await signInThroughProvider(t, 'alice@corp.example', 'alice');
    expect(await whoAmI(t, during.cookie)).toMatchObject({ role: 'admin' });
    idp.retireOldKeys();
    const after = await signInThroughProvider(t, 'alice@corp.example', 'alice');
    expect(await whoAmI(t, after.cookie)).toMatchObject({ role: 'admin' });
  });
});
