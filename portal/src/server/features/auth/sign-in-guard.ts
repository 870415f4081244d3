import { user } from '@sightline/db/schema/auth';
import { eq } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import { recordAudit } from '../../audit/record-audit';
import { clientAddress } from '../../client-address';
import type { AppEnv } from '../../context';
import { AppError, errorBody } from '../../errors';
import { clearThrottle, hitThrottle, isThrottled, type ThrottleRule } from '../../throttle';

/** Five wrong passwords for one account in 15 minutes lock that account's sign-in for the rest of the window. */
export const SIGN_IN_FAILURES: ThrottleRule = { limit: 5, windowMs: 15 * 60_000 };
/** Wide net against one client spraying many accounts. */
export const SIGN_IN_FAILURES_PER_CLIENT: ThrottleRule = { limit: 30, windowMs: 15 * 60_000 };

const SAME_MESSAGE = 'Invalid email or password';

/**
 * Wraps better-auth's email sign-in: refuses disabled accounts with the same message as a wrong
 * password, throttles repeated failures per account and per client, and records every attempt in the
 * audit trail.
 */
export const signInGuard = createMiddleware<AppEnv>(async (c, next) => {
  const { db, now } = c.get('deps');
  const body = (await c.req.raw
    .clone()
    .json()
    .catch(() => null)) as { email?: unknown } | null;
  const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase().slice(0, 254) : '';
  if (!email) throw new AppError('bad_request', 'Give an email and a password');
  const client = clientAddress(c);
  const accountKey = `sign-in:${email}`;
  const clientKey = `sign-in-client:${client}`;
  if (
    (await isThrottled(db, accountKey, SIGN_IN_FAILURES, now())) ||
    (await isThrottled(db, clientKey, SIGN_IN_FAILURES_PER_CLIENT, now()))
  ) {
    await recordAudit(db, {
      actor: { type: 'anonymous' },
      action: 'auth.sign_in_throttled',
      details: { email },
    });
    throw new AppError('rate_limited', 'Too many failed sign-ins. Wait a few minutes and try again.');
  }

  const [account] = await db
    .select({ id: user.id, disabled: user.disabled })
    .from(user)
    .where(eq(user.email, email));
  if (account?.disabled) {
    await failed(email, 'disabled');
    return c.json(errorBody('unauthenticated', SAME_MESSAGE), 401);
  }

  await next();

  if (c.res.status === 200) {
    await clearThrottle(db, accountKey);
    await recordAudit(db, {
      actor: { type: 'anonymous' },
      action: 'auth.sign_in',
      targetType: 'user',
      targetId: account?.id ?? email,
      details: { email },
    });
  } else {
    await failed(email, `status ${c.res.status}`);
    c.res = c.json(errorBody('unauthenticated', SAME_MESSAGE), 401);
  }

  async function failed(forEmail: string, why: string) {
    await hitThrottle(db, accountKey, SIGN_IN_FAILURES, now());
    await hitThrottle(db, clientKey, SIGN_IN_FAILURES_PER_CLIENT, now());
    await recordAudit(db, {
      actor: { type: 'anonymous' },
      action: 'auth.sign_in_failed',
      details: { email: forEmail, why },
    });
  }
});
