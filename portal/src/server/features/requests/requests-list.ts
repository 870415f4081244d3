import type { Db } from '@sightline/db/client';
import { accessRequest } from '@sightline/db/schema/usage';
import { isOpenAssessment } from '@sightline/shared/assessments/open-assessments';
import type { PageQuery } from '@sightline/shared/http/paging';
import type { AccessRequestStatus } from '@sightline/shared/usage/event-kinds';
import { and, count, eq, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../errors';
import { keyset } from '../../paging/keyset';
import { sortKeys } from '../../paging/sort-keys';
import { type LoadedCatalog, loadCatalog } from '../catalog/catalog-source';
import { assessmentPerService, type ServiceAssessment } from '../overview/service-assessments';

export type RequestListQuery = { serviceId?: string | undefined; status?: AccessRequestStatus | undefined };

const requestKeys = keyset('requests', [
  sortKeys.instant(accessRequest.createdAt, 'desc'),
  sortKeys.uuid(accessRequest.id, 'desc'),
]);

const requestFields = {
  id: accessRequest.id,
  serviceId: accessRequest.serviceId,
  status: accessRequest.status,
  userKey: accessRequest.userKey,
  userLabel: accessRequest.userLabel,
  justification: accessRequest.justification,
  intendedUse: accessRequest.intendedUse,
  dataCategories: accessRequest.dataCategories,
  assessmentId: accessRequest.assessmentId,
  /** The decision that closed the request, what the requester was told, and when. */
  decisionId: accessRequest.decisionId,
  outcomeNote: accessRequest.outcomeNote,
  closedAt: accessRequest.closedAt,
  createdAt: accessRequest.createdAt,
};

/** Each request with the assessment already under way for its service, so staff open that one. */
async function withOpenAssessments<Row extends { serviceId: string }>(db: Db, rows: Row[]) {
  const current = await assessmentPerService(db, [...new Set(rows.map((r) => r.serviceId))]);
  return rows.map((r) => {
    const latest = current.get(r.serviceId);
    const openAssessment: ServiceAssessment | null = latest && isOpenAssessment(latest.state) ? latest : null;
    return { ...r, openAssessment };
  });
}

/** Access requests newest first, a page at a time, each with its service's assessment under way. */
export async function listAccessRequests(db: Db, query: RequestListQuery, page: PageQuery) {
  const filters: SQL[] = [];
  if (query.serviceId) filters.push(eq(accessRequest.serviceId, query.serviceId));
  if (query.status) filters.push(eq(accessRequest.status, query.status));
  const rows = await db
    .select({ ...requestFields, ...requestKeys.select })
    .from(accessRequest)
    .where(and(...filters, requestKeys.after(page.cursor)))
    .orderBy(...requestKeys.orderBy)
    .limit(page.limit + 1);
  const { items, nextCursor } = requestKeys.page(rows, page.limit);
  return { items: await withOpenAssessments(db, items), nextCursor };
}

export async function getAccessRequest(db: Db, id: string) {
  const rows = await db.select(requestFields).from(accessRequest).where(eq(accessRequest.id, id));
  const [found] = await withOpenAssessments(db, rows);
  if (!found) throw new AppError('not_found', 'No access request with this id');
  return found;
}

export type RequestedService = {
  serviceId: string;
  serviceName: string;
  vendor: string | null;
  open: number;
  total: number;
};

function named(catalog: LoadedCatalog, row: { serviceId: string; open: number; total: number }) {
  const entry = catalog.byId.get(row.serviceId);
  return { ...row, serviceName: entry?.name ?? row.serviceId, vendor: entry?.vendor ?? null };
}

/**
 * Every service anyone asked for, with its open and total requests, most open first: the page's
 * groups. One row per service, so it stays as short as the catalog however many requests there are.
 */
export async function requestedServices(db: Db): Promise<RequestedService[]> {
  const [rows, catalog] = await Promise.all([
    db
      .select({
        serviceId: accessRequest.serviceId,
        open: sql<number>`(count(*) filter (where ${accessRequest.status} = 'open'))::int`,
        total: count(),
      })
      .from(accessRequest)
      .groupBy(accessRequest.serviceId),
    loadCatalog(db),
  ]);
  return rows
    .map((r) => named(catalog, r))
    .sort((a, b) => b.open - a.open || b.total - a.total || a.serviceName.localeCompare(b.serviceName));
}
