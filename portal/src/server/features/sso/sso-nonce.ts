import { randomBytes, randomUUID } from 'node:crypto';
import type { DbOrTx } from '@sightline/db/client';
import { verification } from '@sightline/db/schema/auth';
import { and, eq, gt, like, lte } from 'drizzle-orm';
import { sha256Hex } from '../../secret-token';

/** As long as better-auth keeps the sign-in's state: a sign-in not finished by then starts again. */
const NONCE_TTL_MS = 10 * 60_000;

const PREFIX = 'sso-nonce:';
const identifierFor = (state: string) => `${PREFIX}${sha256Hex(state)}`;

/**
 * The SSO plugin sends no OIDC nonce, so the portal adds one to each authorization request and keeps
 * it beside better-auth's own state rows, keyed by the state's digest. The callback takes it back
 * exactly once (delete … returning), so an ID token can only finish the sign-in it was issued for.
 */
export async function storeNonce(db: DbOrTx, state: string, now: Date): Promise<string> {
  // A sign-in never finished (or finished too late) leaves its nonce behind: each new one sweeps those
  // past their time, so the table holds at most the last ten minutes' attempts. better-auth also
  // sweeps expired rows of this table now and then, but only as a side effect of its own look-ups.
  await db
    .delete(verification)
    .where(and(like(verification.identifier, `${PREFIX}%`), lte(verification.expiresAt, now)));
  const nonce = randomBytes(24).toString('base64url');
  await db.insert(verification).values({
    id: randomUUID(),
    identifier: identifierFor(state),
    value: nonce,
    expiresAt: new Date(now.getTime() + NONCE_TTL_MS),
  });
  return nonce;
}

export async function takeNonce(db: DbOrTx, state: string, now: Date): Promise<string | null> {
  const [row] = await db
    .delete(verification)
    .where(and(eq(verification.identifier, identifierFor(state)), gt(verification.expiresAt, now)))
    .returning({ value: verification.value });
  return row?.value ?? null;
}
