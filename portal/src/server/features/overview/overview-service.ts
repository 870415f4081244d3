import { assessment } from '@sightline/db/schema/assessments';
import { aiCandidate } from '@sightline/db/schema/catalog';
import { device } from '@sightline/db/schema/devices';
import { servicePolicy } from '@sightline/db/schema/policy';
import { accessRequest } from '@sightline/db/schema/usage';
import type { PolicyState } from '@sightline/shared/policy/policy-states';
import { and, count, eq, gte, isNull } from 'drizzle-orm';
import type { ServiceDeps } from '../../context';
import { loadCatalog } from '../catalog/catalog-source';
import { usagePerService } from '../discovery/usage-queries';
import { assessmentPerService, type ServiceAssessment } from './service-assessments';

export type OverviewService = {
  serviceId: string;
  name: string;
  vendor: string;
  users: number;
  devices: number;
  visits: number;
  warnings: number;
  proceeds: number;
  blocks: number;
  pastes: number;
  uploads: number;
  state: PolicyState;
  /** The assessment under way, else the latest one; null when the service was never assessed. */
  assessment: ServiceAssessment | null;
};

/** Nothing under way and no decision: the service waits for an assessment to start. */
const waitsForAssessment = (a: ServiceAssessment | null) =>
  !a || a.state === 'expired' || a.state === 'revoked';

const TOP = 15;

/**
 * Every AI service used in the last `days` (up to 200), the ones waiting for an assessment first,
 * then by people using them: the procurement queue. The overview shows the top of it; the usage
 * export carries all of it.
 */
export async function listServicesInUse(
  deps: Pick<ServiceDeps, 'db' | 'now'>,
  days: number,
): Promise<OverviewService[]> {
  const { db, now } = deps;
  const since = new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  const today = now.toISOString().slice(0, 10);
  // No cap: servicesInUse counts every service, and the list is cut to the top ones below.
  const usage = (await usagePerService(db, since, today))
    .map(({ people, browsers, ...u }) => ({ ...u, users: people, devices: browsers }))
    .sort((a, b) => b.users - a.users || a.serviceId.localeCompare(b.serviceId));

  const [policies, assessments, catalog] = await Promise.all([
    db.select({ serviceId: servicePolicy.serviceId, state: servicePolicy.state }).from(servicePolicy),
    assessmentPerService(
      db,
      usage.map((u) => u.serviceId),
    ),
    loadCatalog(db),
  ]);
  const stateOf = new Map(policies.map((p) => [p.serviceId, p.state]));
  const services: OverviewService[] = usage.map((u) => {
    const entry = catalog.byId.get(u.serviceId);
    return {
      ...u,
      name: entry?.name ?? u.serviceId,
      vendor: entry?.vendor ?? '',
      state: stateOf.get(u.serviceId) ?? 'unreviewed',
      assessment: assessments.get(u.serviceId) ?? null,
    };
  });
  // Services waiting for an assessment first, then by people using them: the procurement queue.
  services.sort(
    (a, b) =>
      Number(waitsForAssessment(b.assessment)) - Number(waitsForAssessment(a.assessment)) ||
      b.users - a.users,
  );
  return services;
}

/**
 * The landing page's numbers for the last `days`: AI services in use ranked with the unassessed ones
 * first (what procurement should look at next), and the queues waiting for staff.
 */
export async function loadOverview(deps: Pick<ServiceDeps, 'db' | 'now'>, days: number) {
  const { db, now } = deps;
  const services = await listServicesInUse(deps, days);
  const [activeDevices] = await db
    .select({ n: count() })
    .from(device)
    .where(
      and(isNull(device.revokedAt), gte(device.lastSeenAt, new Date(now.getTime() - days * 86_400_000))),
    );
  const [openRequests] = await db
    .select({ n: count() })
    .from(accessRequest)
    .where(eq(accessRequest.status, 'open'));
  const [openCandidates] = await db
    .select({ n: count() })
    .from(aiCandidate)
    .where(eq(aiCandidate.status, 'open'));
  const assessmentStates = await db
    .select({ state: assessment.state, n: count() })
    .from(assessment)
    .groupBy(assessment.state);

  return {
    days,
    servicesInUse: services.length,
    services: services.slice(0, TOP),
    activeDevices: activeDevices?.n ?? 0,
    openRequests: openRequests?.n ?? 0,
    openCandidates: openCandidates?.n ?? 0,
    assessments: Object.fromEntries(assessmentStates.map((r) => [r.state, r.n])) as Record<string, number>,
  };
}
