import type { Db } from '@sightline/db/client';
import { schema } from '@sightline/db/schema';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { logAuthEvent } from './auth-log';
import { withHashedSessionTokens } from './hashed-session-tokens';

export type AuthOptions = { db: Db; secret: string; publicUrl: string; secureCookies: boolean };

/**
 * Staff authentication through better-auth: it owns password hashing (scrypt), sessions in PostgreSQL
 * and cookie handling, and its social/OIDC providers (or the generic-oauth plugin) slot in here for
 * single sign-on later without touching the rest of the portal. Public sign-up is off: admins invite.
 */
export function createAuth({ db, secret, publicUrl, secureCookies }: AuthOptions) {
  return betterAuth({
    appName: 'Sightline',
    baseURL: publicUrl,
    basePath: '/api/auth',
    secret,
    trustedOrigins: [publicUrl],
    database: withHashedSessionTokens(drizzleAdapter(db, { provider: 'pg', schema })),
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
