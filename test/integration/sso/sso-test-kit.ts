import { auditLog } from '@sightline/db/schema/audit';
import { createTestApp, TEST_ORIGIN, type TestApp } from '@sightline/portal/server/testing/test-app';
import { asc, eq } from 'drizzle-orm';
import { type OidcTestProvider, startOidcProvider } from './oidc-test-provider';

export const CLIENT_ID = 'sightline-portal';
export const CLIENT_SECRET = 'provider-issued-client-secret-0123456789';

export const roleRules = [
  { group: 'sightline-admins', role: 'admin' },
  { group: 'ai-procurement', role: 'procurement' },
  { group: 'staff', role: 'viewer' },
] as const;

/** The portal on a fresh database with a real OIDC provider configured through the admin API. */
export async function startSsoWorld(overrides: Record<string, unknown> = {}) {
  const t = await createTestApp();
  const idp = await startOidcProvider({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUris: [`${TEST_ORIGIN}/api/auth/sso/callback/corp`],
  });
  idp.setUser('alice', {
    email: 'alice@corp.example',
    name: 'Alice Admin',
    groups: ['sightline-admins'],
    department: 'Security',
    manager: 'carol@corp.example',
  });
  idp.setUser('bob', { email: 'bob@corp.example', name: 'Bob Buyer', groups: ['ai-procurement', 'staff'] });
  const admin = await t.signInAs('admin');
  const res = await t.request('/api/sso/providers', {
    method: 'POST',
    cookie: admin,
    json: {
      providerId: 'corp',
      label: 'Corp SSO',
      issuer: idp.issuer,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      domains: ['corp.example'],
      groupsClaim: 'groups',
      departmentClaim: 'department',
      managerClaim: 'manager_email',
      roleRules,
      passwordsOff: false,
      scopes: ['openid', 'email', 'profile', 'groups'],
      ...overrides,
    },
  });
  if (res.status !== 201) throw new Error(`provider not created: ${res.status} ${await res.text()}`);
  return { t, idp, admin, close: async () => Promise.all([idp.close(), t.close()]) };
}

export type SsoWorld = { t: TestApp; idp: OidcTestProvider; admin: string };

export async function auditEntries(t: TestApp, action: string) {
  return t.deps.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(asc(auditLog.seq));
}

/** Who a portal session cookie belongs to, as the portal itself says. */
export async function whoAmI(t: TestApp, cookie: string) {
  const res = await t.request('/api/me', { cookie });
  return res.status === 200 ? ((await res.json()) as { user: { email: string; role: string } }).user : null;
}
