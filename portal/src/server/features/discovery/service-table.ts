import type { Db } from '@sightline/db/client';
import type { ServiceSortKey } from '@sightline/shared/discovery/discovery-api';
import type { PolicyState } from '@sightline/shared/policy/policy-states';
import { loadCatalog } from '../catalog/catalog-source';
import { assessmentPerService, type ServiceAssessment } from '../overview/service-assessments';
import { policyStateLookup } from './dashboard-service';
import type { Period } from './period';
import { firstSeenOf, type ServiceUsage, usagePerService } from './usage-queries';

export type ServiceRow = ServiceUsage & {
  name: string;
  vendor: string;
  category: string;
  state: PolicyState;
  firstSeen: string;
  /** The assessment under way, else the latest one; null when the service was never assessed. */
  assessment: ServiceAssessment | null;
  /** Nothing under way and no decision: the service waits for an assessment to start. */
  waitsForAssessment: boolean;
};

const waits = (a: ServiceAssessment | null) => !a || a.state === 'expired' || a.state === 'revoked';

/**
 * "Assess first": services nobody assessed and nobody approved come first, then the others waiting for
 * an assessment, then the rest; within each, the most people first.
 */
function assessPriority(s: ServiceRow): number {
  if (s.waitsForAssessment && (s.state === 'unreviewed' || s.state === 'unapproved')) return 0;
  return s.waitsForAssessment ? 1 : 2;
}

const byName = (a: ServiceRow, b: ServiceRow) => a.name.localeCompare(b.name);
const comparators: Record<ServiceSortKey, (a: ServiceRow, b: ServiceRow) => number> = {
  'assess-first': (a, b) => assessPriority(a) - assessPriority(b) || b.people - a.people || byName(a, b),
  people: (a, b) => b.people - a.people || byName(a, b),
  browsers: (a, b) => b.browsers - a.browsers || byName(a, b),
  visits: (a, b) => b.visits - a.visits || byName(a, b),
  pastes: (a, b) => b.pastes - a.pastes || byName(a, b),
  uploads: (a, b) => b.uploads - a.uploads || byName(a, b),
  personal: (a, b) => b.personalAccountEvents - a.personalAccountEvents || byName(a, b),
  name: byName,
  'first-seen': (a, b) => b.firstSeen.localeCompare(a.firstSeen) || byName(a, b),
};

/** Every service used in the period, sorted, one page of it. */
export async function loadServiceTable(
  db: Db,
  period: Period,
  page: { sort: ServiceSortKey; page: number; pageSize: number },
) {
  const rows = await serviceTableRows(db, period, page.sort);
  const start = (page.page - 1) * page.pageSize;
  return {
    period,
    total: rows.length,
    page: page.page,
    pageSize: page.pageSize,
    sort: page.sort,
    services: rows.slice(start, start + page.pageSize),
  };
}

/** Every service used in the period with its name, policy and assessment, in the table's order. */
export async function serviceTableRows(db: Db, period: Period, sort: ServiceSortKey): Promise<ServiceRow[]> {
  const usage = await usagePerService(db, period.from, period.to);
  const [catalog, stateOf, assessments, firstSeen] = await Promise.all([
    loadCatalog(db),
    policyStateLookup(db),
    assessmentPerService(
      db,
      usage.map((u) => u.serviceId),
    ),
    firstSeenOf(
      db,
      usage.map((u) => u.serviceId),
    ),
  ]);
  const rows: ServiceRow[] = usage.map((u) => {
    const entry = catalog.byId.get(u.serviceId);
    const assessment = assessments.get(u.serviceId) ?? null;
    return {
      ...u,
      name: entry?.name ?? u.serviceId,
      vendor: entry?.vendor ?? '',
      category: entry?.category ?? 'other',
      state: stateOf(u.serviceId),
      firstSeen: firstSeen.get(u.serviceId) ?? period.from,
      assessment,
      waitsForAssessment: waits(assessment),
    };
  });
  rows.sort(comparators[sort]);
  return rows;
}
