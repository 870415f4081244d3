import type { DbOrTx } from '@sightline/db/client';
import { assessment } from '@sightline/db/schema/assessments';
import { user } from '@sightline/db/schema/auth';
import { finding, findingEvent } from '@sightline/db/schema/findings';
import { vendor } from '@sightline/db/schema/vendors';
import { blockingFindingStatuses, isOverdue } from '@sightline/shared/findings/finding-states';
import type { FindingListQuery, FindingView } from '@sightline/shared/findings/findings-api';
import type { Page, PageQuery } from '@sightline/shared/http/paging';
import {
  and,
  asc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  notInArray,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { WHOLE_REGISTER } from '../../csv/keyset-pages';
import { AppError } from '../../errors';
import { keyset } from '../../paging/keyset';
import { sortKeys } from '../../paging/sort-keys';

const owner = alias(user, 'finding_owner');
const accepter = alias(user, 'finding_accepter');
const blocking = [...blockingFindingStatuses];

/** The question's text as it was asked, read from the assessment's snapshot without parsing it whole. */
const questionText = sql<string | null>`(
  select q ->> 'text'
  from jsonb_array_elements(${assessment.questionsSnapshot} -> 'sections') as s,
       jsonb_array_elements(s -> 'questions') as q
  where q ->> 'id' = ${finding.questionId}
  limit 1)`;

function filtersFor(query: FindingListQuery, today: string): SQL[] {
  const filters: SQL[] = [];
  if (query.status === 'blocking') filters.push(inArray(finding.status, blocking));
  else if (query.status) filters.push(eq(finding.status, query.status));
  if (query.overdue === 'true') {
    filters.push(inArray(finding.status, blocking), isNotNull(finding.dueOn), lt(finding.dueOn, today));
  } else if (query.overdue === 'false') {
    filters.push(or(notInArray(finding.status, blocking), isNull(finding.dueOn), gte(finding.dueOn, today))!);
  }
  if (query.ownerId) filters.push(eq(finding.ownerId, query.ownerId));
  if (query.vendorId) filters.push(eq(finding.vendorId, query.vendorId));
  if (query.assessmentId) filters.push(eq(finding.assessmentId, query.assessmentId));
  if (query.source) filters.push(eq(finding.source, query.source));
  return filters;
}

// Most severe first (the enum runs low → critical), then the newest.
const findingKeys = keyset('findings', [
  sortKeys.enumOf(finding.severity, 'desc'),
  sortKeys.instant(finding.createdAt, 'desc'),
  sortKeys.text(finding.sourceKey, 'asc'),
  sortKeys.uuid(finding.id, 'asc'),
]);

function findingRows(db: DbOrTx, where: SQL | undefined, limit: number) {
  return db
    .select({
      f: finding,
      vendorName: vendor.name,
      serviceId: assessment.serviceId,
      questionText,
      ownerName: owner.name,
      acceptedByName: accepter.name,
      ...findingKeys.select,
    })
    .from(finding)
    .innerJoin(assessment, eq(assessment.id, finding.assessmentId))
    .innerJoin(vendor, eq(vendor.id, finding.vendorId))
    .leftJoin(owner, eq(owner.id, finding.ownerId))
    .leftJoin(accepter, eq(accepter.id, finding.acceptedBy))
    .where(where)
    .orderBy(...findingKeys.orderBy)
    .limit(limit);
}
type FindingRow = Omit<Awaited<ReturnType<typeof findingRows>>[number], 'pageKey'>;

async function findingViews(db: DbOrTx, rows: readonly FindingRow[], today: string): Promise<FindingView[]> {
  const ids = rows.map((r) => r.f.id);
  const events =
    ids.length === 0
      ? []
      : await db
          .select({
            findingId: findingEvent.findingId,
            at: findingEvent.at,
            by: user.name,
            action: findingEvent.action,
            fromStatus: findingEvent.fromStatus,
            toStatus: findingEvent.toStatus,
            note: findingEvent.note,
          })
          .from(findingEvent)
          .leftJoin(user, eq(user.id, findingEvent.actorId))
          .where(inArray(findingEvent.findingId, ids))
          .orderBy(asc(findingEvent.at));
  const history = new Map<string, FindingView['history']>();
  for (const { findingId, at, ...event } of events) {
    history.set(findingId, [...(history.get(findingId) ?? []), { ...event, at: at.toISOString() }]);
  }
  return rows.map(({ f, ...r }) => ({
    id: f.id,
    assessmentId: f.assessmentId,
    vendorId: f.vendorId,
    vendorName: r.vendorName,
    serviceId: r.serviceId,
    source: f.source,
    questionId: f.questionId,
    questionText: r.questionText,
    sectionId: f.sectionId,
    answer: f.answer,
    title: f.title,
    severity: f.severity,
    status: f.status,
    ownerId: f.ownerId,
    ownerName: r.ownerName,
    dueOn: f.dueOn,
    overdue: isOverdue(f.status, f.dueOn, today),
    requestedAction: f.requestedAction,
    sentToVendorAt: f.sentToVendorAt?.toISOString() ?? null,
    acceptedReason: f.acceptedReason,
    acceptedBy: r.acceptedByName,
    createdAt: f.createdAt.toISOString(),
    history: history.get(f.id) ?? [],
  }));
}

/**
 * Findings across assessments and vendors, most severe first, a page at a time; `today` (a UTC day)
 * decides overdue. The CSV export asks for one page of all of them.
 */
export async function listFindings(
  db: DbOrTx,
  query: FindingListQuery,
  today: string,
  page: PageQuery,
): Promise<Page<FindingView>> {
  const rows = await findingRows(
    db,
    and(...filtersFor(query, today), findingKeys.after(page.cursor)),
    page.limit + 1,
  );
  const { items, nextCursor } = findingKeys.page(rows, page.limit);
  return { items: await findingViews(db, items, today), nextCursor };
}

/**
 * The findings of one assessment or one vendor, whole, for their pages: a questionnaire raises at
 * most one per question, so these stay small.
 */
export async function findingsOf(
  db: DbOrTx,
  scope: { assessmentId: string } | { vendorId: string },
  today: string,
): Promise<FindingView[]> {
  return (await listFindings(db, scope, today, { limit: WHOLE_REGISTER })).items;
}

export async function getFinding(db: DbOrTx, id: string, today: string): Promise<FindingView> {
  const [view] = await findingViews(db, await findingRows(db, eq(finding.id, id), 1), today);
  if (!view) throw new AppError('not_found', 'No finding with this id');
  return view;
}
