import type { DbOrTx } from '@sightline/db/client';
import { assessment } from '@sightline/db/schema/assessments';
import { user } from '@sightline/db/schema/auth';
import { finding, findingEvent } from '@sightline/db/schema/findings';
import { vendor } from '@sightline/db/schema/vendors';
import { blockingFindingStatuses, isOverdue } from '@sightline/shared/findings/finding-states';
import type { FindingListQuery, FindingView } from '@sightline/shared/findings/findings-api';
import {
  and,
  asc,
  desc,
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
import { AppError } from '../../errors';

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

async function findingViews(
  db: DbOrTx,
  where: SQL | undefined,
  today: string,
  limit = 500,
): Promise<FindingView[]> {
  const rows = await db
    .select({
      f: finding,
      vendorName: vendor.name,
      serviceId: assessment.serviceId,
      questionText,
      ownerName: owner.name,
      acceptedByName: accepter.name,
    })
    .from(finding)
    .innerJoin(assessment, eq(assessment.id, finding.assessmentId))
    .innerJoin(vendor, eq(vendor.id, finding.vendorId))
    .leftJoin(owner, eq(owner.id, finding.ownerId))
    .leftJoin(accepter, eq(accepter.id, finding.acceptedBy))
    .where(where)
    // Most severe first (the enum runs low → critical), then the newest.
    .orderBy(desc(finding.severity), desc(finding.createdAt), asc(finding.sourceKey))
    .limit(limit);
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
 * Findings across assessments and vendors, most severe first; `today` (a UTC day) decides overdue.
 * The page shows the first `limit`; the CSV export asks for all of them.
 */
export async function listFindings(db: DbOrTx, query: FindingListQuery, today: string, limit = 500) {
  return findingViews(db, and(...filtersFor(query, today)), today, limit);
}

export async function getFinding(db: DbOrTx, id: string, today: string): Promise<FindingView> {
  const [view] = await findingViews(db, eq(finding.id, id), today);
  if (!view) throw new AppError('not_found', 'No finding with this id');
  return view;
}
