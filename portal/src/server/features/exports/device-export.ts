import type { Db } from '@sightline/db/client';
import { device } from '@sightline/db/schema/devices';
import type { CsvColumn } from '../../csv/csv-cell';
import type { PageRow } from '../../csv/keyset-pages';
import { exactTimestamp, newestFirstPages } from '../../csv/newest-first-pages';
import { visibleDeviceFields } from '../devices/devices-service';

/** The devices page's fields (never the credential hash), newest enrolment first. */
function pageOfDevices(db: Db) {
  return newestFirstPages(device.enrolledAt, device.id, (before, orderBy, limit) =>
    db
      .select({ ...visibleDeviceFields, atKey: exactTimestamp(device.enrolledAt) })
      .from(device)
      .where(before)
      .orderBy(...orderBy)
      .limit(limit),
  );
}

type DeviceRow = PageRow<ReturnType<typeof pageOfDevices>>;

export const deviceColumns: readonly CsvColumn<DeviceRow>[] = [
  { header: 'User', value: (d) => d.userLabel ?? d.userKey },
  { header: 'Browser', value: (d) => d.browser },
  { header: 'Platform', value: (d) => d.platform },
  { header: 'Extension version', value: (d) => d.extensionVersion },
  { header: 'Enrolled', value: (d) => d.enrolledAt },
  { header: 'Last seen', value: (d) => d.lastSeenAt },
  { header: 'Last policy sync', value: (d) => d.lastPolicySyncAt },
  { header: 'Revoked', value: (d) => d.revokedAt },
  { header: 'Dropped events', value: (d) => d.droppedEvents },
  { header: 'Device id', value: (d) => d.id },
];

/** Every enrolled browser, newest enrolment first, read a page at a time (a fleet can be large). */
export const deviceRows = (db: Db) => pageOfDevices(db);
