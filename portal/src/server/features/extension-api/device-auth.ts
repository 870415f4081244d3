import { device } from '@sightline/db/schema/devices';
import { eq } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../context';
import { AppError } from '../../errors';
import { sha256Hex } from '../../secret-token';
import { serviceDeps } from '../../service-deps';
import { countHit } from '../../throttle';

export type AuthedDevice = { id: string; userKey: string | null; userLabel: string | null };
export type DeviceEnv = { Variables: AppEnv['Variables'] & { device: AuthedDevice } };

/**
 * Device routes: `Authorization: Bearer <device credential>`. Only the credential's SHA-256 is stored.
 * Unknown and revoked credentials get 401; `details.reason` tells the extension which, so a revoked
 * device stops sending and says so. Each device has a request budget per minute (429 + Retry-After).
 */
export const deviceAuth = createMiddleware<DeviceEnv>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
  if (!match?.[1]) throw new AppError('unauthenticated', 'Send the device credential as a Bearer token');
  const { db, env, now } = serviceDeps(c);
  const [row] = await db
    .select({
      id: device.id,
      userKey: device.userKey,
      userLabel: device.userLabel,
      revokedAt: device.revokedAt,
    })
    .from(device)
    .where(eq(device.credentialHash, sha256Hex(match[1])));
  if (!row) throw new AppError('unauthenticated', 'Unknown device credential', { reason: 'unknown' });
  if (row.revokedAt)
    throw new AppError('unauthenticated', 'This device was revoked by an administrator', {
      reason: 'revoked',
    });
  // Counted per device, not per address: a whole office behind one NAT must not share a limit.
  const rule = { limit: env.DEVICE_REQUESTS_PER_MINUTE, windowMs: 60_000 };
  const hit = await countHit(db, `device:${row.id}`, rule, now);
  if (!hit.allowed)
    throw new AppError(
      'rate_limited',
      'This browser is sending too often; it will send again after the Retry-After delay',
      undefined,
      hit.retryAfterMs,
    );
  c.set('device', { id: row.id, userKey: row.userKey, userLabel: row.userLabel });
  c.set('actor', { type: 'device', deviceId: row.id });
  await next();
});
