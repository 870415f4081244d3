import { user } from '@sightline/db/schema/auth';
import { eq } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import { recordAudit } from '../../audit/record-audit';
import { clientAddress } from '../../client-address';
import type { AppEnv } from '../../context';
import { AppError, errorBody } from '../../errors';
import { sha256Hex } from '../../secret-token';
import { serviceDeps } from '../../service-deps';
import { clearThrottle, hitThrottle, releaseThrottle, type ThrottleRule } from '../../throttle';
import { passwordsOffBy } from '../sso/sign-in-method';

/** Five wrong passwords for one account in 15 minutes lock that account's sign-in for the rest of the window. */
export const SIGN_IN_FAILURES: ThrottleRule = { limit: 5, windowMs: 15 * 60_000 };
/** Wide net against one client spraying many accounts. */
export const SIGN_IN_FAILURES_PER_CLIENT: ThrottleRule = { limit: 30, windowMs: 15 * 60_000 };

const SAME_MESSAGE = 'Invalid email or password';

type Account = {
  id: string;
  email: string;
  name: string;
  role: typeof user.$inferSelect.role;
  disabled: boolean;
};

/**
 * Wraps better-auth's email sign-in: refuses disabled accounts with the same message as a wrong
 * password, throttles failures per account and per client, and records every attempt in the audit
 * trail. Each attempt is counted (one atomic upsert) before the password is checked, and a successful
 * one gives its count back: checking first and counting after let parallel guesses all through.
 */
export const signInGuard = createMiddleware<AppEnv>(async (c, next) => {
  const { db, now } = serviceDeps(c);
  const body = (await c.req.raw
    .clone()
    .json()
    .catch(() => null)) as { email?: unknown } | null;
  const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase().slice(0, 254) : '';
  if (!email) throw new AppError('bad_request', 'Give an email and a password');
  const accountKey = `sign-in:${email}`;
  const clientKey = `sign-in-client:${clientAddress(c)}`;
  const [account] = await db
    .select({ id: user.id, email: user.email, name: user.name, role: user.role, disabled: user.disabled })
    .from(user)
    .where(eq(user.email, email));

  const withinLimits =
    (await hitThrottle(db, clientKey, SIGN_IN_FAILURES_PER_CLIENT, now)) &&
    (await hitThrottle(db, accountKey, SIGN_IN_FAILURES, now));
  if (!withinLimits) {
    await recordAudit(db, {
      actor: { type: 'anonymous' },
      action: 'auth.sign_in_throttled',
      ...attempt(email, account),
    });
    throw new AppError('rate_limited', 'Too many failed sign-ins. Wait a few minutes and try again.');
  }

  if (account?.disabled) {
    await failed('disabled');
    return c.json(errorBody('unauthenticated', SAME_MESSAGE), 401);
  }

  // Passwords off for the domain: only admins keep theirs (the way in when the provider is down). A
  // wrong admin password gets the same answer as anyone else, so it does not tell who is an admin.
  const ssoOnly = await passwordsOffBy(db, email);
  const ssoMessage = ssoOnly
    ? `Passwords are switched off for this email's domain: sign in with ${ssoOnly.label}.`
    : '';
  if (ssoOnly && account?.role !== 'admin') {
    await failed('passwords off for the domain');
    return c.json(errorBody('forbidden', ssoMessage), 403);
  }

  await next();

  if (c.res.status === 200 && account) {
    await clearThrottle(db, accountKey);
    await releaseThrottle(db, clientKey);
    const { disabled: _, ...staff } = account;
    await recordAudit(db, {
      actor: { type: 'staff', user: staff },
      action: 'auth.sign_in',
      targetType: 'user',
      targetId: account.id,
      details: { method: 'password' },
    });
  } else {
    await failed(`status ${c.res.status}`);
    c.res = ssoOnly
      ? c.json(errorBody('forbidden', ssoMessage), 403)
      : c.json(errorBody('unauthenticated', SAME_MESSAGE), 401);
  }

  async function failed(why: string) {
    const { details, ...target } = attempt(email, account);
    await recordAudit(db, {
      actor: { type: 'anonymous' },
      action: 'auth.sign_in_failed',
      ...target,
      details: { ...details, why },
    });
  }
});

/**
 * Who an attempt was aimed at. Nobody has proven who they are, so the actor stays anonymous. An email
 * that names no account is kept only as its SHA-256: people type their password into the email field.
 */
function attempt(
  email: string,
  account: Account | undefined,
): { targetType?: string; targetId?: string; details: Record<string, unknown> } {
  return account
    ? { targetType: 'user', targetId: account.id, details: { email } }
    : { details: { emailSha256: sha256Hex(email) } };
}
