import type { Db } from '@sightline/db/client';
import type { FindingListQuery, FindingView } from '@sightline/shared/findings/findings-api';
import type { CsvColumn } from '../../csv/csv-cell';
import { onePage, WHOLE_REGISTER } from '../../csv/keyset-pages';
import { listFindings } from '../findings/finding-queries';

export const findingColumns: readonly CsvColumn<FindingView>[] = [
  { header: 'Finding', value: (f) => f.title },
  { header: 'Severity', value: (f) => f.severity },
  { header: 'Status', value: (f) => f.status },
  { header: 'Overdue', value: (f) => f.overdue },
  { header: 'Vendor', value: (f) => f.vendorName },
  { header: 'Service', value: (f) => f.serviceId },
  { header: 'Source', value: (f) => f.source },
  { header: 'Question', value: (f) => f.questionText },
  { header: 'Answer', value: (f) => f.answer },
  { header: 'Owner', value: (f) => f.ownerName },
  { header: 'Due', value: (f) => f.dueOn },
  { header: 'Asked of the vendor', value: (f) => f.requestedAction },
  { header: 'Sent to vendor', value: (f) => f.sentToVendorAt },
  { header: 'Risk accepted by', value: (f) => f.acceptedBy },
  { header: 'Reason for accepting', value: (f) => f.acceptedReason },
  { header: 'Raised', value: (f) => f.createdAt },
  { header: 'Finding id', value: (f) => f.id },
  { header: 'Assessment id', value: (f) => f.assessmentId },
];

export const findingRows = (db: Db, query: FindingListQuery, today: string) =>
  onePage(async () => (await listFindings(db, query, today, { limit: WHOLE_REGISTER })).items);
