import type { Db } from '@sightline/db/client';
import { accessRequest } from '@sightline/db/schema/usage';
import { isOpenAssessment } from '@sightline/shared/assessments/open-assessments';
import type { CsvColumn } from '../../csv/csv-cell';
import { exactTimestamp, newestFirstPages } from '../../csv/newest-first-pages';
import { loadCatalog } from '../catalog/catalog-source';
import { assessmentPerService } from '../overview/service-assessments';

/** Every access request, newest first, a page at a time, each with its service's catalog name. */
async function* requestPages(db: Db) {
  const catalog = await loadCatalog(db);
  const pages = newestFirstPages(accessRequest.createdAt, accessRequest.id, (before, orderBy, limit) =>
    db
      .select({
        id: accessRequest.id,
        atKey: exactTimestamp(accessRequest.createdAt),
        serviceId: accessRequest.serviceId,
        status: accessRequest.status,
        userKey: accessRequest.userKey,
        userLabel: accessRequest.userLabel,
        justification: accessRequest.justification,
        intendedUse: accessRequest.intendedUse,
        dataCategories: accessRequest.dataCategories,
        outcomeNote: accessRequest.outcomeNote,
        closedAt: accessRequest.closedAt,
        createdAt: accessRequest.createdAt,
      })
      .from(accessRequest)
      .where(before)
      .orderBy(...orderBy)
      .limit(limit),
  );
  for await (const page of pages) {
    // The assessment under way for the service, as the requests page shows it beside each request.
    const current = await assessmentPerService(db, [...new Set(page.map((r) => r.serviceId))]);
    yield page.map((r) => {
      const entry = catalog.byId.get(r.serviceId);
      const latest = current.get(r.serviceId);
      return {
        ...r,
        serviceName: entry?.name ?? r.serviceId,
        vendor: entry?.vendor ?? null,
        openAssessmentId: latest && isOpenAssessment(latest.state) ? latest.id : null,
      };
    });
  }
}

type RequestRow = typeof requestPages extends (db: Db) => AsyncGenerator<(infer R)[]> ? R : never;

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
  { header: 'Assessment under way', value: (r) => r.openAssessmentId },
  { header: 'Service id', value: (r) => r.serviceId },
  { header: 'Request id', value: (r) => r.id },
];

export const requestRows = (db: Db) => requestPages(db);
