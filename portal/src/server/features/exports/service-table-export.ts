import type { Db } from '@sightline/db/client';
import type { ServiceSortKey } from '@sightline/shared/discovery/discovery-api';
import type { CsvColumn } from '../../csv/csv-cell';
import { onePage } from '../../csv/keyset-pages';
import type { Period } from '../discovery/period';
import { type ServiceRow, serviceTableRows } from '../discovery/service-table';

/** The dashboard's service table, column for column, plus what the screen shows only on hover. */
export const serviceTableColumns: readonly CsvColumn<ServiceRow>[] = [
  { header: 'Service', value: (s) => s.name },
  { header: 'Vendor', value: (s) => s.vendor },
  { header: 'Category', value: (s) => s.category },
  { header: 'Policy', value: (s) => s.state },
  { header: 'Assessment', value: (s) => s.assessment?.state ?? 'never assessed' },
  { header: 'People', value: (s) => s.people },
  { header: 'Browsers', value: (s) => s.browsers },
  { header: 'Visits', value: (s) => s.visits },
  { header: 'API calls', value: (s) => s.apiCalls },
  { header: 'Pastes', value: (s) => s.pastes },
  { header: 'Uploads', value: (s) => s.uploads },
  { header: 'Sign-ins', value: (s) => s.logins },
  { header: 'Personal sign-ins', value: (s) => s.personalAccountEvents },
  { header: 'Warnings', value: (s) => s.warnings },
  { header: 'Went ahead after a warning', value: (s) => s.proceeds },
  { header: 'Blocks', value: (s) => s.blocks },
  { header: 'First seen', value: (s) => s.firstSeen },
  { header: 'Service id', value: (s) => s.serviceId },
];

export const serviceTableExportRows = (db: Db, period: Period, sort: ServiceSortKey) =>
  onePage(() => serviceTableRows(db, period, sort));
