import type { Db } from '@sightline/db/client';
import type { CsvColumn } from '../../csv/csv-cell';
import { onePage } from '../../csv/keyset-pages';
import { listDevices } from '../devices/devices-service';

type DeviceRow = Awaited<ReturnType<typeof listDevices>>[number];

/** What the devices page shows; the credential hash is not selected by the list at all. */
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

export const deviceRows = (db: Db) => onePage(() => listDevices(db));
