import { user } from '@sightline/db/schema/auth';
import { ssoProvider } from '@sightline/db/schema/sso';
import { createStaffUser } from '@sightline/portal/server/auth/auth';
import { TEST_ORIGIN, TEST_PASSWORD } from '@sightline/portal/server/testing/test-app';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughProvider } from './sso-driver';
import { auditEntries, CLIENT_SECRET, roleRules, startSsoWorld, whoAmI } from './sso-test-kit';

let world: Awaited<ReturnType<typeof startSsoWorld>>;
beforeAll(async () => {
  world = await startSsoWorld();
});
afterAll(async () => world.close());

const settings = () => ({
  label: 'Corp SSO',
  issuer: world.idp.issuer,
  clientId: 'sightline-portal',
  domains: ['corp.example'],
  groupsClaim: 'groups',
  departmentClaim: 'department',
  roleRules,
  passwordsOff: false,
  scopes: ['openid', 'email', 'profile', 'groups'],
});

describe('single sign-on provider settings', () => {
  it('keeps the client secret sealed in the database and never returns it', async () => {
    const { t, admin } = world;
    const [row] = await t.deps.db.select().from(ssoProvider);
    expect(row?.oidcConfig).not.toContain(CLIENT_SECRET);
    expect(JSON.parse(row!.oidcConfig!).clientSecret).toMatch(/^sealed:v1:/);
    const listed = await t.request('/api/sso/providers', { cookie: admin });
    const text = await listed.text();
    expect(text).not.toContain(CLIENT_SECRET);
    expect(JSON.parse(text).providers[0]).toMatchObject({
      providerId: 'corp',
      clientSecretSet: true,
      redirectUrl: `${TEST_ORIGIN}/api/auth/sso/callback/corp`,
    });
    const audit = JSON.stringify(await auditEntries(t, 'sso.provider_created'));
    expect(audit).toContain('corp.example');
    expect(audit).not.toContain(CLIENT_SECRET);
  });

  it('refuses bad settings with a clear 400 or 409 and changes nothing', async () => {
    const { t, admin } = world;
    const before = await t.deps.db.select().from(ssoProvider);
    const put = (body: unknown) =>
      t.request('/api/sso/providers/corp', { method: 'PUT', cookie: admin, json: body });
    const noOpenid = await put({ ...settings(), scopes: ['email'] });
    expect(noOpenid.status).toBe(400);
    expect(await noOpenid.text()).toContain('Include the openid scope');
    const noRules = await put({ ...settings(), roleRules: [] });
    expect(noRules.status).toBe(400);
    const unreachable = await put({ ...settings(), issuer: 'http://127.0.0.1:9/nothing-here' });
    expect(unreachable.status).toBe(400);
    expect(await unreachable.text()).toContain('Could not use the discovery document');
    const clash = await t.request('/api/sso/providers', {
      method: 'POST',
      cookie: admin,
      json: { ...settings(), providerId: 'other', clientSecret: 'x', domains: ['eu.corp.example'] },
    });
    expect(clash.status).toBe(409);
    expect(await t.deps.db.select().from(ssoProvider)).toEqual(before);
  });

  it('does not expose the SSO plugin’s own provider endpoints', async () => {
    const { t, admin } = world;
    for (const path of [
      '/api/auth/sso/register',
      '/api/auth/sso/providers',
      '/api/auth/sso/delete-provider',
    ]) {
      const get = path.endsWith('providers');
      const res = await t.request(
        path,
        get ? { cookie: admin } : { method: 'POST', cookie: admin, json: {} },
      );
      expect(res.status, path).toBe(404);
    }
  });

  it('sends people of the domain to their provider, and with passwords off lets only admins use one', async () => {
    const { t, admin } = world;
    const method = async (email: string) =>
      (await t.request('/api/sign-in/method', { method: 'POST', json: { email } })).json();
    expect(await method('carol@corp.example')).toEqual({
      method: 'sso',
      providerId: 'corp',
      label: 'Corp SSO',
      passwordsAllowed: true,
    });
    expect(await method('someone@elsewhere.example')).toEqual({ method: 'password' });

    await createStaffUser(t.deps.auth, {
      email: 'carol@corp.example',
      name: 'Carol',
      role: 'reviewer',
      password: TEST_PASSWORD,
    });
    await createStaffUser(t.deps.auth, {
      email: 'root@corp.example',
      name: 'Root',
      role: 'admin',
      password: TEST_PASSWORD,
    });
    const passwordSignIn = (email: string, password = TEST_PASSWORD) =>
      t.request('/api/auth/sign-in/email', { method: 'POST', json: { email, password } });
    expect((await passwordSignIn('carol@corp.example')).status).toBe(200);

    const off = await t.request('/api/sso/providers/corp', {
      method: 'PUT',
      cookie: admin,
      json: { ...settings(), passwordsOff: true },
    });
    expect(off.status).toBe(200);
    expect(await method('carol@corp.example')).toMatchObject({ passwordsAllowed: false });
    const refused = await passwordSignIn('carol@corp.example');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
      'sign in with Corp SSO',
    );
    // The break-glass admin keeps their password; a wrong one answers like everyone else's refusal.
    expect((await passwordSignIn('root@corp.example')).status).toBe(200);
    const wrong = await passwordSignIn('root@corp.example', 'not the password at all');
    expect(wrong.status).toBe(403);
    expect((await auditEntries(t, 'auth.sign_in_failed')).at(-2)?.details).toMatchObject({
      why: 'passwords off for the domain',
    });
  });

  it('refuses a disabled staff member at the provider’s sign-in too', async () => {
    const { t } = world;
    const first = await signInThroughProvider(t, 'bob@corp.example', 'bob');
    expect(await whoAmI(t, first.cookie)).toMatchObject({ role: 'procurement' });
    await t.deps.db.update(user).set({ disabled: true }).where(eq(user.email, 'bob@corp.example'));
    const again = await signInThroughProvider(t, 'bob@corp.example', 'bob');
    expect(again.location).toBe(`${TEST_ORIGIN}/sign-in?sso_error=disabled`);
  });
});
