import type { Db } from '@sightline/db/client';
import { assessment, decision, evidenceFile } from '@sightline/db/schema/assessments';
import { storedFile } from '@sightline/db/schema/files';
import { aiSystem, aiSystemSupplier } from '@sightline/db/schema/inventory';
import { servicePolicy } from '@sightline/db/schema/policy';
import { vendorIncident, vendorMaterialChange } from '@sightline/db/schema/reviews';
import { usageDaily } from '@sightline/db/schema/usage';
import { vendor, vendorDocument, vendorService } from '@sightline/db/schema/vendors';
import { addDays } from '@sightline/shared/assessments/dates';
import { openAssessmentStates } from '@sightline/shared/assessments/open-assessments';
import { and, desc, eq, gt, inArray, isNotNull, isNull, lte, max, ne, sql } from 'drizzle-orm';

/** How far ahead the list looks: due dates and expiries within this many days. */
export const DUE_WINDOW_DAYS = 30;

/** Everything the due-for-review list is built from, read in a handful of queries. */
export async function loadDueSignals(db: Db, today: string) {
  const horizon = addDays(today, DUE_WINDOW_DAYS);
  const [vendors, decided, open, latestCycleStart, documents, incidents, changes] = await Promise.all([
    db
      .select({ id: vendor.id, name: vendor.name, tier: vendor.tier, nextReviewOn: vendor.nextReviewOn })
      .from(vendor),
    // The latest decided assessment per vendor and service: its decision's review date and its evidence.
    db
      .selectDistinctOn([assessment.vendorId, assessment.serviceId], {
        assessmentId: assessment.id,
        vendorId: assessment.vendorId,
        serviceId: assessment.serviceId,
        nextReviewOn: decision.nextReviewOn,
        tier: decision.tier,
        decidedAt: decision.decidedAt,
      })
      .from(assessment)
      .innerJoin(decision, eq(decision.assessmentId, assessment.id))
      .where(eq(assessment.state, 'decided'))
      .orderBy(assessment.vendorId, assessment.serviceId, desc(assessment.createdAt), desc(assessment.id)),
    db
      .select({ id: assessment.id, vendorId: assessment.vendorId, serviceId: assessment.serviceId })
      .from(assessment)
      .where(inArray(assessment.state, [...openAssessmentStates])),
    db
      .select({ vendorId: assessment.vendorId, at: max(assessment.createdAt) })
      .from(assessment)
      .groupBy(assessment.vendorId),
    db
      .select({
        id: vendorDocument.id,
        vendorId: vendorDocument.vendorId,
        title: vendorDocument.title,
        expiresOn: vendorDocument.expiresOn,
      })
      .from(vendorDocument)
      .where(and(isNotNull(vendorDocument.expiresOn), lte(vendorDocument.expiresOn, horizon))),
    db.select().from(vendorIncident),
    db.select().from(vendorMaterialChange),
  ]);
  // Systems in the inventory whose own review date (set by a decision, or by hand) comes up.
  const systems = await db
    .select({
      id: aiSystem.id,
      name: aiSystem.name,
      nextReviewOn: aiSystem.nextReviewOn,
      vendorId: aiSystemSupplier.vendorId,
    })
    .from(aiSystem)
    .innerJoin(aiSystemSupplier, eq(aiSystemSupplier.aiSystemId, aiSystem.id))
    .where(
      and(
        isNotNull(aiSystem.nextReviewOn),
        lte(aiSystem.nextReviewOn, horizon),
        ne(aiSystem.lifecycleStage, 'retirement'),
      ),
    );
  const decidedIds = decided.map((d) => d.assessmentId);
  const evidence =
    decidedIds.length === 0
      ? []
      : await db
          .select({
            id: evidenceFile.id,
            assessmentId: evidenceFile.assessmentId,
            questionId: evidenceFile.questionId,
            expiresOn: evidenceFile.expiresOn,
            fileName: storedFile.fileName,
          })
          .from(evidenceFile)
          .innerJoin(storedFile, eq(storedFile.id, evidenceFile.fileId))
          .where(
            and(
              inArray(evidenceFile.assessmentId, decidedIds),
              isNull(evidenceFile.removedAt),
              isNotNull(evidenceFile.expiresOn),
              lte(evidenceFile.expiresOn, horizon),
            ),
          );
  return {
    vendors,
    decided,
    open,
    latestCycleStart: new Map(latestCycleStart.map((r) => [r.vendorId, r.at])),
    documents,
    systems,
    evidence,
    incidents,
    changes,
    usage: await usageFigures(db, today),
    blocked: await blockedUse(db, today),
  };
}

export type DueSignals = Awaited<ReturnType<typeof loadDueSignals>>;

/** Unique users per vendor (over all its services) in the last 30 days and the 30 before. */
async function usageFigures(db: Db, today: string) {
  const recentFrom = addDays(today, -29);
  const earlierFrom = addDays(today, -59);
  const who = sql`coalesce(${usageDaily.userKey}, ${usageDaily.deviceId}::text)`;
  const rows = await db
    .select({
      vendorId: vendorService.vendorId,
      recent: sql<number>`count(distinct ${who}) filter (where ${usageDaily.day} >= ${recentFrom})`.mapWith(
        Number,
      ),
      earlier: sql<number>`count(distinct ${who}) filter (where ${usageDaily.day} < ${recentFrom})`.mapWith(
        Number,
      ),
    })
    .from(usageDaily)
    .innerJoin(vendorService, eq(vendorService.serviceId, usageDaily.serviceId))
    .where(and(gt(usageDaily.day, addDays(earlierFrom, -1)), lte(usageDaily.day, today)))
    .groupBy(vendorService.vendorId);
  return rows;
}

/**
 * Services blocked by a decision, with their use (visits, blocks, pastes, uploads, API calls) since
 * the day after the decision: the last 7 days and the 7 before.
 */
async function blockedUse(db: Db, today: string) {
  const lastFrom = addDays(today, -6);
  const beforeFrom = addDays(today, -13);
  const events = sql`(${usageDaily.visits} + ${usageDaily.blocks} + ${usageDaily.pastes} + ${usageDaily.uploads} + ${usageDaily.apiCalls})`;
  return db
    .select({
      serviceId: servicePolicy.serviceId,
      vendorId: vendorService.vendorId,
      decidedAt: decision.decidedAt,
      lastWeek:
        sql<number>`coalesce(sum(${events}) filter (where ${usageDaily.day} >= ${lastFrom}), 0)`.mapWith(
          Number,
        ),
      weekBefore:
        sql<number>`coalesce(sum(${events}) filter (where ${usageDaily.day} < ${lastFrom}), 0)`.mapWith(
          Number,
        ),
    })
    .from(servicePolicy)
    .innerJoin(decision, eq(decision.id, servicePolicy.decisionId))
    .innerJoin(vendorService, eq(vendorService.serviceId, servicePolicy.serviceId))
    .innerJoin(
      usageDaily,
      and(
        eq(usageDaily.serviceId, servicePolicy.serviceId),
        gt(usageDaily.day, sql`(${decision.decidedAt} at time zone 'UTC')::date`),
        lte(usageDaily.day, today),
        gt(usageDaily.day, addDays(beforeFrom, -1)),
      ),
    )
    .where(eq(servicePolicy.state, 'blocked'))
    .groupBy(servicePolicy.serviceId, vendorService.vendorId, decision.decidedAt);
}
