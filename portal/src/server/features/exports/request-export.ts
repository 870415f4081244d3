import type { Db } from '@sightline/db/client';
import type { CsvColumn } from '../../csv/csv-cell';
import { onePage } from '../../csv/keyset-pages';
import { listRequestsWithOpenAssessments } from '../requests/requests-with-assessments';

type Group = Awaited<ReturnType<typeof listRequestsWithOpenAssessments>>[number];
type RequestRow = Group['requests'][number] & Pick<Group, 'serviceName' | 'vendor'>;

export const requestColumns: readonly CsvColumn<RequestRow>[] = [
  { header: 'Service', value: (r) => r.serviceName },
  { header: 'Vendor', value: (r) => r.vendor },
  { header: 'Status', value: (r) => r.status },
  { header: 'Requested by', value: (r) => r.userLabel ?? r.userKey },
  { header: 'Why', value: (r) => r.justification },
  { header: 'Intended use', value: (r) => r.intendedUse },
  { header: 'Data categories', value: (r) => r.dataCategories },
  { header: 'Requested', value: (r) => r.createdAt },
  { header: 'Closed', value: (r) => r.closedAt },
  { header: 'Outcome told to the requester', value: (r) => r.outcomeNote },
  { header: 'Assessment under way', value: (r) => r.openAssessment?.id },
  { header: 'Request id', value: (r) => r.id },
];

/** One line per request, grouped per service in the order the requests page shows them. */
export const requestRows = (db: Db) =>
  onePage(async () =>
    (await listRequestsWithOpenAssessments(db)).flatMap((g) =>
      g.requests.map((r) => ({ ...r, serviceName: g.serviceName, vendor: g.vendor })),
    ),
  );
