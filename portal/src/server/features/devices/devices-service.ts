import type { Db } from '@sightline/db/client';
import { device } from '@sightline/db/schema/devices';
import { usageEvent } from '@sightline/db/schema/usage';
import type { PageQuery } from '@sightline/shared/http/paging';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';
import { AppError } from '../../errors';
import { keyset } from '../../paging/keyset';
import { sortKeys } from '../../paging/sort-keys';

/**
 * The device fields staff may see (the page, its CSV export), picked one by one so the credential
 * hash is never read: a new column stays out until someone decides it belongs here.
 */
export const visibleDeviceFields = {
  id: device.id,
  userKey: device.userKey,
  userLabel: device.userLabel,
  browser: device.browser,
  platform: device.platform,
  extensionVersion: device.extensionVersion,
  enrolledAt: device.enrolledAt,
  lastSeenAt: device.lastSeenAt,
  lastPolicySyncAt: device.lastPolicySyncAt,
  revokedAt: device.revokedAt,
  droppedEvents: device.droppedEvents,
};

// Browsers that never reported come first (nulls first, as PostgreSQL sorts them descending).
const deviceKeys = keyset('devices', [
  sortKeys.instant(device.lastSeenAt, 'desc'),
  sortKeys.instant(device.enrolledAt, 'desc'),
  sortKeys.uuid(device.id, 'desc'),
]);

/** Enrolled devices for the devices page, most recently seen first, a page at a time. */
export async function listDevices(db: Db, page: PageQuery) {
  const [rows, [counted]] = await Promise.all([
    db
      .select({ ...visibleDeviceFields, ...deviceKeys.select })
      .from(device)
      .where(deviceKeys.after(page.cursor))
      .orderBy(...deviceKeys.orderBy)
      .limit(page.limit + 1),
    // The headline counts the whole fleet, not the rows loaded so far.
    db.select({ active: count() }).from(device).where(isNull(device.revokedAt)),
  ]);
  return { ...deviceKeys.page(rows, page.limit), active: counted?.active ?? 0 };
}

/** Revokes a device: its credential stops working at once and the extension says so. */
export async function revokeDevice(
  deps: { db: Db; now: Date },
  actor: Actor & { type: 'staff' },
  id: string,
) {
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(device)
      .set({ revokedAt: deps.now, revokedBy: actor.user.id })
      .where(and(eq(device.id, id), isNull(device.revokedAt)))
      .returning({ id: device.id, userKey: device.userKey });
    if (rows.length === 0) {
      const [exists] = await tx.select({ id: device.id }).from(device).where(eq(device.id, id));
      if (!exists) throw new AppError('not_found', 'No device with this id');
      throw new AppError('conflict', 'This device is already revoked');
    }
    await recordAudit(tx, {
      actor,
      action: 'device.revoked',
      targetType: 'device',
      targetId: id,
      details: { userKey: rows[0]!.userKey },
      at: deps.now,
    });
    return { id, revokedAt: deps.now };
  });
}

/** What one device sent most recently (metadata only), for troubleshooting a device. */
export async function recentDeviceEvents(db: Db, id: string, limit: number) {
  const [exists] = await db.select({ id: device.id }).from(device).where(eq(device.id, id));
  if (!exists) throw new AppError('not_found', 'No device with this id');
  return db
    .select({
      clientEventId: usageEvent.clientEventId,
      kind: usageEvent.kind,
      serviceId: usageEvent.serviceId,
      host: usageEvent.host,
      matchedRule: usageEvent.matchedRule,
      initiatorHost: usageEvent.initiatorHost,
      accountHint: usageEvent.accountHint,
      itemCount: usageEvent.itemCount,
      bytes: usageEvent.bytes,
      fileTypes: usageEvent.fileTypes,
      details: usageEvent.details,
      occurredAt: usageEvent.occurredAt,
      receivedAt: usageEvent.receivedAt,
    })
    .from(usageEvent)
    .where(eq(usageEvent.deviceId, id))
    .orderBy(desc(usageEvent.occurredAt), desc(usageEvent.id))
    .limit(limit);
}
