import type { Db } from '@sightline/db/client';
import { device, enrollmentToken } from '@sightline/db/schema/devices';
import { orgSettings } from '@sightline/db/schema/org';
import type { EnrollRequest, EnrollResponse } from '@sightline/shared/extension-api/enroll';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { newSecretToken, sha256Hex } from '../../secret-token';
import { hitThrottle, isThrottled, type ThrottleRule } from '../../throttle';
import { userKeyFor } from './credentials';

/** One org-wide token enrolls a whole fleet, so the per-token limit is generous but bounded. */
export const ENROLL_PER_TOKEN: ThrottleRule = { limit: 600, windowMs: 60_000 };
/** Guessing tokens from one client is cut off quickly. */
export const ENROLL_FAILURES_PER_CLIENT: ThrottleRule = { limit: 20, windowMs: 15 * 60_000 };

/** Exchanges an enrollment token for a fresh per-device credential (returned once; only its hash is kept). */
export async function enrollDevice(
  deps: { db: Db; now: Date },
  input: EnrollRequest,
  client: string,
): Promise<EnrollResponse> {
  const { db, now } = deps;
  const clientKey = `enroll-fail:${client}`;
  if (await isThrottled(db, clientKey, ENROLL_FAILURES_PER_CLIENT, now))
    throw new AppError('rate_limited', 'Too many failed enrollments from here. Wait a few minutes.');
  const tokenHash = sha256Hex(input.token);
  if (!(await hitThrottle(db, `enroll-token:${tokenHash.slice(0, 32)}`, ENROLL_PER_TOKEN, now)))
    throw new AppError('rate_limited', 'Too many enrollments with this token right now. Try again shortly.');

  const [token] = await db.select().from(enrollmentToken).where(eq(enrollmentToken.tokenHash, tokenHash));
  const problem = !token
    ? 'This enrollment token is not known to the portal'
    : token.revokedAt
      ? 'This enrollment token was revoked'
      : token.expiresAt && token.expiresAt <= now
        ? 'This enrollment token has expired'
        : null;
  if (problem || !token) {
    await hitThrottle(db, clientKey, ENROLL_FAILURES_PER_CLIENT, now);
    throw new AppError('unauthenticated', `${problem}. Ask IT for a current one.`);
  }

  const [settings] = await db
    .select({ pseudonymise: orgSettings.pseudonymiseUsers, secret: orgSettings.pseudonymSecret })
    .from(orgSettings)
    .where(eq(orgSettings.id, 1));
  const pseudonymise = settings?.pseudonymise ?? true;
  const credential = newSecretToken();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(device)
      .values({
        credentialHash: sha256Hex(credential),
        enrollmentTokenId: token.id,
        userKey: userKeyFor(input.userHint, pseudonymise, settings?.secret ?? ''),
        userLabel: pseudonymise ? null : (input.userHint ?? null),
        browser: input.browser ?? null,
        platform: input.platform ?? null,
        extensionVersion: input.extensionVersion ?? null,
        enrolledAt: now,
      })
      .returning({ id: device.id });
    await tx
      .update(enrollmentToken)
      .set({ enrolledCount: sql`${enrollmentToken.enrolledCount} + 1` })
      .where(eq(enrollmentToken.id, token.id));
    await recordAudit(tx, {
      actor: { type: 'device', deviceId: row!.id },
      action: 'device.enrolled',
      targetType: 'device',
      targetId: row!.id,
      details: {
        enrollmentToken: token.prefix,
        browser: input.browser ?? null,
        platform: input.platform ?? null,
      },
      at: now,
    });
    return { deviceId: row!.id, credential };
  });
}
