import type { Db } from '@sightline/db/client';
import type { CsvColumn } from '../../csv/csv-cell';
import { onePage, WHOLE_REGISTER } from '../../csv/keyset-pages';
import { listAssessments } from '../assessments/assessment-queries';

type AssessmentRow = Awaited<ReturnType<typeof listAssessments>>['items'][number];

export const assessmentColumns: readonly CsvColumn<AssessmentRow>[] = [
  { header: 'Vendor', value: (a) => a.vendorName },
  { header: 'Service', value: (a) => a.serviceId },
  { header: 'State', value: (a) => a.state },
  { header: 'Template', value: (a) => a.templateTitle },
  { header: 'Template version', value: (a) => a.templateVersion },
  { header: 'Respondent', value: (a) => a.respondentName },
  { header: 'Respondent email', value: (a) => a.respondentEmail },
  { header: 'Due', value: (a) => a.dueOn },
  { header: 'Sent', value: (a) => a.sentAt },
  { header: 'First opened', value: (a) => a.firstOpenedAt },
  { header: 'Submitted', value: (a) => a.submittedAt },
  { header: 'Created', value: (a) => a.createdAt },
  { header: 'Assessment id', value: (a) => a.id },
];

export const assessmentRows = (db: Db, query: Parameters<typeof listAssessments>[1]) =>
  onePage(async () => (await listAssessments(db, query, { limit: WHOLE_REGISTER })).items);
