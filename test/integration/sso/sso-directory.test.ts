import { personDepartment } from '@sightline/db/schema/directory';
import { orgSettings } from '@sightline/db/schema/org';
import { uploadDepartments } from '@sightline/portal/server/features/directory/department-test-kit';
import { userKeyFor } from '@sightline/portal/server/features/extension-api/credentials';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughProvider } from './sso-driver';
import { startSsoWorld, whoAmI } from './sso-test-kit';

let world: Awaited<ReturnType<typeof startSsoWorld>>;
beforeAll(async () => {
  world = await startSsoWorld();
});
afterAll(async () => world.close());

/** The person key the usage rollups and the CSV import use for an email (a keyed hash while pseudonymised). */
async function keyOf(email: string) {
  const [org] = await world.t.deps.db.select().from(orgSettings).where(eq(orgSettings.id, 1));
  return userKeyFor(email, org!.pseudonymiseUsers, org!.pseudonymSecret);
}

async function departmentOf(email: string) {
  const [row] = await world.t.deps.db
    .select()
    .from(personDepartment)
    .where(eq(personDepartment.personKey, (await keyOf(email))!));
  return row;
}

async function signIn(email: string, login: string) {
  const outcome = await signInThroughProvider(world.t, email, login);
  expect(await whoAmI(world.t, outcome.cookie)).toMatchObject({ email });
}

describe("people's department and manager from the ID token", () => {
  it('keeps the department and the manager the provider names, keyed like the CSV import keys them', async () => {
    await signIn('alice@corp.example', 'alice');
    const alice = await departmentOf('alice@corp.example');
    expect(alice).toMatchObject({
      department: 'Security',
      managerKey: await keyOf('carol@corp.example'),
      source: 'sign-in',
      // Pseudonymisation is on by default: no address is stored.
      email: null,
    });
    expect(alice?.managerKey).not.toContain('carol');

    const summary = await world.t.request('/api/directory/departments', { cookie: world.admin });
    expect(await summary.json()).toMatchObject({ mappedPeople: 1, withManager: 1, fromSignIn: 1 });
  });

  it('takes a new manager from the provider, keeps the stored one when the token names none, and ignores one that is not an email', async () => {
    const { idp } = world;
    idp.updateUser('alice', { manager: 'dave@corp.example', department: 'Platform Security' });
    await signIn('alice@corp.example', 'alice');
    expect(await departmentOf('alice@corp.example')).toMatchObject({
      department: 'Platform Security',
      managerKey: await keyOf('dave@corp.example'),
    });

    idp.updateUser('alice', { manager: undefined });
    await signIn('alice@corp.example', 'alice');
    expect((await departmentOf('alice@corp.example'))?.managerKey).toBe(await keyOf('dave@corp.example'));

    // Okta's managerId, say: a provider's user id is no email, and a manager key must be one's.
    idp.updateUser('alice', { manager: '00u1abcd2EFGH3ijk4x7' });
    await signIn('alice@corp.example', 'alice');
    expect((await departmentOf('alice@corp.example'))?.managerKey).toBe(await keyOf('dave@corp.example'));
  });

  it('a manager an admin imported stays when the provider sends a department but no manager', async () => {
    const { t, idp, admin } = world;
    const csv = 'email,department,manager\nbob@corp.example,Purchasing,erin@corp.example\n';
    expect((await uploadDepartments(t, admin, csv)).status).toBe(200);
    idp.updateUser('bob', { department: 'Procurement' });
    await signIn('bob@corp.example', 'bob');
    expect(await departmentOf('bob@corp.example')).toMatchObject({
      department: 'Procurement',
      managerKey: await keyOf('erin@corp.example'),
      source: 'sign-in',
    });
  });
});
