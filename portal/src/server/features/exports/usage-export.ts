import type { ServiceDeps } from '../../context';
import type { CsvColumn } from '../../csv/csv-cell';
import { onePage } from '../../csv/keyset-pages';
import { listServicesInUse, type OverviewService } from '../overview/overview-service';

export const usageColumns: readonly CsvColumn<OverviewService>[] = [
  { header: 'Service', value: (s) => s.name },
  { header: 'Vendor', value: (s) => s.vendor },
  { header: 'Policy', value: (s) => s.state },
  { header: 'Assessment', value: (s) => s.assessment?.state ?? 'never assessed' },
  { header: 'People', value: (s) => s.users },
  { header: 'Devices', value: (s) => s.devices },
  { header: 'Visits', value: (s) => s.visits },
  { header: 'Warnings', value: (s) => s.warnings },
  { header: 'Went ahead after a warning', value: (s) => s.proceeds },
  { header: 'Blocks', value: (s) => s.blocks },
  { header: 'Pastes', value: (s) => s.pastes },
  { header: 'Uploads', value: (s) => s.uploads },
  { header: 'Service id', value: (s) => s.serviceId },
];

/** Every service the overview ranks for the period, not only the top it shows. */
export const usageRows = (deps: Pick<ServiceDeps, 'db' | 'now'>, days: number) =>
  onePage(() => listServicesInUse(deps, days));
