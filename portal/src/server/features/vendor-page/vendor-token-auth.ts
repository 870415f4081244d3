import { assessment, assessmentToken } from '@sightline/db/schema/assessments';
import type { AssessmentState } from '@sightline/shared/assessments/assessment-states';
import { awaitingVendorStates } from '@sightline/shared/assessments/assessment-transitions';
import {
  ASSESSMENT_TOKEN_HEADER,
  assessmentTokenPattern,
} from '@sightline/shared/assessments/vendor-page-api';
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { clientAddress } from '../../client-address';
import type { AppEnv } from '../../context';
import { AppError } from '../../errors';
import { sha256Hex } from '../../secret-token';
import { serviceDeps } from '../../service-deps';
import { hitThrottle, isThrottled, type ThrottleRule } from '../../throttle';
import { mailFromAddress, senderOf } from '../assessments/assessment-records';

/** Failed link look-ups allowed per client address and window, counted in the database for every instance. */
export const VENDOR_TOKEN_THROTTLE: ThrottleRule = { limit: 20, windowMs: 15 * 60_000 };

/**
 * Requests one valid link may make per window: generous for a person (autosave included), but a
 * leaked link cannot be used to flood the audit trail or the database.
 */
export const VENDOR_TOKEN_USE_THROTTLE: ThrottleRule = { limit: 600, windowMs: 10 * 60_000 };

/** One message for unknown and malformed links alike, so a guess learns nothing from the answer. */
export const UNKNOWN_LINK_MESSAGE =
  'This questionnaire link is not valid. Check that you opened the whole link from the email.';

export type LinkStatus = 'ok' | 'superseded' | 'revoked' | 'expired';

/** Whether a token still opens its questionnaire (pure, for the middleware and its tests). */
export function linkStatus(
  token: { supersededAt: Date | null; revokedAt: Date | null },
  row: { state: AssessmentState; expiresAt: Date | null },
  now: Date,
): LinkStatus {
  if (token.revokedAt || row.state === 'revoked' || row.state === 'draft') return 'revoked';
  if (row.state === 'expired') return 'expired';
  if (awaitingVendorStates.includes(row.state) && row.expiresAt && row.expiresAt <= now) return 'expired';
  if (token.supersededAt) return 'superseded';
  return 'ok';
}

const goneReason: Record<Exclude<LinkStatus, 'ok'>, string> = {
  superseded: 'This link was replaced by a newer one. Use the link in the most recent email you received',
  revoked: 'This questionnaire was withdrawn',
  expired: 'This questionnaire link has expired',
};

/**
 * The vendor page's only credential: the token from the `x-assessment-token` header (never a query
 * string). Unknown or malformed: 404 with one body; expired, revoked or superseded: 410 naming whom
 * to contact; too many failed look-ups from one address: 429 for everything from it, so guessing
 * stops. The token itself is never logged or echoed.
 */
export const vendorTokenAuth = createMiddleware<AppEnv>(async (c, next) => {
  const { db, env, now: at } = serviceDeps(c);
  const throttleKey = `vendor-token:${clientAddress(c)}`;
  if (await isThrottled(db, throttleKey, VENDOR_TOKEN_THROTTLE, at)) {
    throw new AppError(
      'rate_limited',
      'Too many attempts with questionnaire links. Wait a few minutes and try again.',
    );
  }
  const token = c.req.header(ASSESSMENT_TOKEN_HEADER);
  const [found] =
    token && assessmentTokenPattern.test(token)
      ? await db
          .select({
            tokenId: assessmentToken.id,
            supersededAt: assessmentToken.supersededAt,
            revokedAt: assessmentToken.revokedAt,
            assessmentId: assessment.id,
            state: assessment.state,
            expiresAt: assessment.expiresAt,
            createdBy: assessment.createdBy,
          })
          .from(assessmentToken)
          .innerJoin(assessment, eq(assessment.id, assessmentToken.assessmentId))
          .where(eq(assessmentToken.tokenHash, sha256Hex(token)))
      : [];
  if (!found) {
    await hitThrottle(db, throttleKey, VENDOR_TOKEN_THROTTLE, at);
    throw new AppError('not_found', UNKNOWN_LINK_MESSAGE);
  }
  const status = linkStatus(found, found, at);
  if (status !== 'ok') {
    const contact = await senderOf(db, found, mailFromAddress(env.MAIL_FROM));
    throw new AppError(
      'gone',
      `${goneReason[status]}. If you still need to answer, contact ${contact.name} <${contact.email}>.`,
      { reason: status, contact },
    );
  }
  if (!(await hitThrottle(db, `vendor-token-use:${found.tokenId}`, VENDOR_TOKEN_USE_THROTTLE, at))) {
    throw new AppError('rate_limited', 'Too many requests with this link. Wait a few minutes and try again.');
  }
  await db.update(assessmentToken).set({ lastUsedAt: at }).where(eq(assessmentToken.id, found.tokenId));
  c.set('actor', { type: 'vendor', assessmentId: found.assessmentId, tokenId: found.tokenId });
  await next();
  // The vendor's answers must not linger in shared or browser caches.
  c.header('cache-control', 'no-store');
});

/** The vendor behind this request; only call behind `vendorTokenAuth`. */
export function currentVendor(c: Context<AppEnv>): { assessmentId: string; tokenId: string } {
  const actor = c.get('actor');
  if (actor.type !== 'vendor') throw new AppError('not_found', UNKNOWN_LINK_MESSAGE);
  return { assessmentId: actor.assessmentId, tokenId: actor.tokenId };
}
