import { sso } from '@better-auth/sso';
import type { Db } from '@sightline/db/client';
import { schema } from '@sightline/db/schema';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { createKeySetCache } from '../features/sso/sso-key-sets';
import { provisionSsoUser } from '../features/sso/sso-provision';
import { resolveSsoUser } from '../features/sso/sso-resolve-user';
import { ssoTrustedOrigins } from '../features/sso/sso-trusted-origins';
import { logAuthEvent } from './auth-log';
import { withHashedSessionTokens } from './hashed-session-tokens';
import { ssoSecretBox } from './sealed-secret';
import { withSealedSsoSecrets } from './sealed-sso-secrets';

export type AuthOptions = { db: Db; secret: string; publicUrl: string; secureCookies: boolean };

/**
 * The SSO plugin's endpoints the portal does not use: providers are managed through the portal's own
 * admin routes (features/sso), and SAML is not offered. The Hono routes refuse every other
 * `/api/auth/sso/*` path too; this keeps them off even for a call that reaches the handler.
 */
const UNUSED_SSO_PATHS = [
  '/sso/register',
  '/sso/providers',
  '/sso/get-provider',
  '/sso/update-provider',
  '/sso/delete-provider',
  '/sso/request-domain-verification',
  '/sso/verify-domain',
  '/sso/saml2/sp/metadata',
  '/sso/callback',
];

/**
 * Staff authentication through better-auth: it owns password hashing (scrypt), sessions in PostgreSQL
 * and cookie handling, and through its SSO plugin the OpenID Connect sign-in (authorization code with
 * PKCE and state, ID token signature, issuer, audience and lifetime checks with 30 s of clock skew).
 * The portal adds what the plugin leaves to it: a nonce, roles from groups, a key set cache per
 * provider, and the audit trail (features/sso). Public sign-up is off: admins invite, or a provider's groups admit.
 */
export function createAuth({ db, secret, publicUrl, secureCookies }: AuthOptions) {
  return betterAuth({
    appName: 'Sightline',
    baseURL: publicUrl,
    basePath: '/api/auth',
    secret,
    trustedOrigins: ssoTrustedOrigins(db, publicUrl),
    // Transactions on: the SSO plugin resolves the user and creates the session in one.
    database: withSealedSsoSecrets(
      withHashedSessionTokens(drizzleAdapter(db, { provider: 'pg', schema, transaction: true })),
      ssoSecretBox(secret),
    ),
    disabledPaths: UNUSED_SSO_PATHS,
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 128 },
    user: {
      additionalFields: {
        role: { type: 'string', required: false, input: false, defaultValue: 'viewer' },
        disabled: { type: 'boolean', required: false, input: false, defaultValue: false },
        passwordChangeRequired: { type: 'boolean', required: false, input: false, defaultValue: false },
      },
    },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
    // Failed sign-ins are throttled by our own per-account limiter (see sign-in-guard), which works the
    // same behind any proxy; better-auth's IP limiter is left off to avoid double counting.
    rateLimit: { enabled: false },
    advanced: { useSecureCookies: secureCookies, database: { generateId: () => crypto.randomUUID() } },
    telemetry: { enabled: false },
    logger: { log: logAuthEvent },
    plugins: [
      sso({
        resolveUser: resolveSsoUser,
        // Our patch's hook (patches/@better-auth__sso@1.7.27.patch): providers' keys kept between sign-ins.
        jwksFor: createKeySetCache(),
        provisionUser: ({ user }) => provisionSsoUser(db, user.id, new Date()),
        provisionUserOnEveryLogin: true,
        organizationProvisioning: { disabled: true },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * Creates a staff user with a password, through the library so the hash format is its own. A
 * one-time password (printed for the first admin) must be replaced before anything else.
 */
export async function createStaffUser(
  auth: Auth,
  input: { email: string; name: string; role: string; password: string; oneTimePassword?: boolean },
): Promise<{ id: string }> {
  const ctx = await auth.$context;
  const hash = await ctx.password.hash(input.password);
  const user = await ctx.internalAdapter.createUser(
    {
      email: input.email.toLowerCase(),
      name: input.name,
      emailVerified: true,
      role: input.role,
      passwordChangeRequired: input.oneTimePassword ?? false,
    },
    { method: 'admin' },
  );
  await ctx.internalAdapter.linkAccount({
    providerId: 'credential',
    accountId: user.id,
    userId: user.id,
    password: hash,
  });
  return { id: user.id };
}
