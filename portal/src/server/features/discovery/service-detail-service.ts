import type { Db } from '@sightline/db/client';
import { assessment } from '@sightline/db/schema/assessments';
import { auditLog } from '@sightline/db/schema/audit';
import { orgSettings } from '@sightline/db/schema/org';
import { servicePolicy } from '@sightline/db/schema/policy';
import { accessRequest, usageApiCallerDaily, usageDaily } from '@sightline/db/schema/usage';
import { vendor, vendorService } from '@sightline/db/schema/vendors';
import { and, countDistinct, desc, eq, gte, lte, max, sum } from 'drizzle-orm';
import { AppError } from '../../errors';
import { loadCatalog } from '../catalog/catalog-source';
import { daysOf } from './dashboard-service';
import type { Period } from './period';
import { departmentsOfService } from './service-departments';
import { daysActive, peopleOf } from './service-people';
import { peoplePerDay, usagePerService, visitsPerDayAndService } from './usage-queries';

const HISTORY_SHOWN = 50;

/**
 * One service as a CISO looks at it: who uses it and how, which intranet pages call its API, who asked
 * for access, what the policy is and how it got there, and the vendor with its assessments.
 */
export async function loadServiceDetail(db: Db, serviceId: string, period: Period) {
  const catalog = await loadCatalog(db);
  const entry = catalog.byId.get(serviceId);
  if (!entry) {
    // One row is enough to know the usage has seen it.
    const seen = await db
      .select({ day: usageDaily.day })
      .from(usageDaily)
      .where(eq(usageDaily.serviceId, serviceId))
      .limit(1);
    if (seen.length === 0)
      throw new AppError('not_found', 'No service with this id in the catalog or in the usage');
  }
  const { from, to } = period;
  const [totals, daily, people, apiCallers, retention, requests, policy, history, vendors, assessments] =
    await Promise.all([
      usagePerService(db, from, to, serviceId).then(([row]) => row ?? null),
      Promise.all([visitsPerDayAndService(db, from, to, serviceId), peoplePerDay(db, from, to, [serviceId])]),
      // Who was active on which days (from the bitmaps) feeds both the people list and the breakdown
      // by department.
      daysActive(db, serviceId, period).then(async (days) => {
        const [list, byDepartment] = await Promise.all([
          peopleOf(db, serviceId, period, days),
          departmentsOfService(db, days),
        ]);
        return { list, byDepartment };
      }),
      apiCallersOf(db, serviceId, period),
      db
        .select({ days: orgSettings.rawEventRetentionDays, pseudonymised: orgSettings.pseudonymiseUsers })
        .from(orgSettings)
        .where(eq(orgSettings.id, 1))
        .then(([r]) => r ?? { days: 180, pseudonymised: true }),
      db
        .select({
          id: accessRequest.id,
          status: accessRequest.status,
          userKey: accessRequest.userKey,
          userLabel: accessRequest.userLabel,
          intendedUse: accessRequest.intendedUse,
          createdAt: accessRequest.createdAt,
          assessmentId: accessRequest.assessmentId,
        })
        .from(accessRequest)
        .where(eq(accessRequest.serviceId, serviceId))
        .orderBy(desc(accessRequest.createdAt))
        .limit(100),
      db
        .select()
        .from(servicePolicy)
        .where(eq(servicePolicy.serviceId, serviceId))
        .then(([r]) => r ?? null),
      db
        .select({
          at: auditLog.at,
          actorLabel: auditLog.actorLabel,
          actorType: auditLog.actorType,
          details: auditLog.details,
        })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, 'policy.changed'),
            eq(auditLog.targetType, 'service'),
            eq(auditLog.targetId, serviceId),
          ),
        )
        .orderBy(desc(auditLog.seq))
        .limit(HISTORY_SHOWN),
      db
        .select({ id: vendor.id, name: vendor.name, status: vendor.status, tier: vendor.tier })
        .from(vendorService)
        .innerJoin(vendor, eq(vendor.id, vendorService.vendorId))
        .where(eq(vendorService.serviceId, serviceId))
        .orderBy(vendor.name),
      db
        .select({
          id: assessment.id,
          state: assessment.state,
          vendorId: assessment.vendorId,
          createdAt: assessment.createdAt,
          dueOn: assessment.dueOn,
        })
        .from(assessment)
        .where(eq(assessment.serviceId, serviceId))
        .orderBy(desc(assessment.createdAt))
        .limit(50),
    ]);
  const [visitsPerDay, peoplePerDayRows] = daily;
  const visitsOn = new Map(visitsPerDay.map((d) => [d.day, d.visits]));
  const peopleOn = new Map(peoplePerDayRows.map((d) => [d.day, d.people]));
  const alternative = policy?.alternativeServiceId
    ? catalog.byId.get(policy.alternativeServiceId)
    : undefined;
  return {
    period,
    service: {
      serviceId,
      name: entry?.name ?? serviceId,
      vendor: entry?.vendor ?? '',
      category: entry?.category ?? 'other',
      website: entry?.website ?? null,
      inCatalog: entry !== undefined,
    },
    totals: totals ?? emptyTotals(serviceId),
    peoplePerDay: daysOf(period).map((day) => ({
      day,
      people: peopleOn.get(day) ?? 0,
      visits: visitsOn.get(day) ?? 0,
    })),
    people: people.list,
    byDepartment: people.byDepartment,
    peopleCount: totals?.people ?? 0,
    pseudonymised: retention.pseudonymised,
    apiCallers,
    rawRetentionDays: retention.days,
    accessRequests: requests,
    policy: {
      state: policy?.state ?? 'unreviewed',
      conditions: policy?.conditions ?? null,
      alternativeServiceId: policy?.alternativeServiceId ?? null,
      alternativeName: alternative?.name ?? null,
      alternativeUrl: policy?.alternativeUrl ?? null,
      note: policy?.note ?? null,
      decisionId: policy?.decisionId ?? null,
      updatedAt: policy?.updatedAt ?? null,
    },
    policyHistory: history.map((h) => ({
      at: h.at,
      by: h.actorLabel ?? h.actorType,
      from: typeof h.details.from === 'string' ? h.details.from : null,
      to: typeof h.details.to === 'string' ? h.details.to : null,
      conditions: typeof h.details.conditions === 'string' ? h.details.conditions : null,
      decisionId: typeof h.details.decisionId === 'string' ? h.details.decisionId : null,
      bulk: h.details.bulk === true,
    })),
    vendors,
    assessments,
  };
}

function emptyTotals(serviceId: string) {
  return {
    serviceId,
    people: 0,
    browsers: 0,
    visits: 0,
    warnings: 0,
    proceeds: 0,
    blocks: 0,
    logins: 0,
    personalAccountEvents: 0,
    pastes: 0,
    uploads: 0,
    apiCalls: 0,
  };
}

/**
 * Pages that call the service's API, from the API-call rollup (kept like the daily counts; rows from
 * before migration 0016 only as far back as raw events were kept then).
 */
async function apiCallersOf(db: Db, serviceId: string, period: Period) {
  const t = usageApiCallerDaily;
  const rows = await db
    .select({
      initiatorHost: t.initiatorHost,
      apiHost: t.apiHost,
      calls: sum(t.calls).mapWith(Number),
      browsers: countDistinct(t.deviceId),
      lastAt: max(t.lastAt),
    })
    .from(t)
    .where(and(eq(t.serviceId, serviceId), gte(t.day, period.from), lte(t.day, period.to)))
    .groupBy(t.initiatorHost, t.apiHost)
    .orderBy(desc(sum(t.calls)))
    .limit(100);
  // '' is how the rollup keys a call whose page was not known.
  return rows.map((r) => ({ ...r, initiatorHost: r.initiatorHost === '' ? null : r.initiatorHost }));
}
