import type { Db } from '@sightline/db/client';
import { device } from '@sightline/db/schema/devices';
import { servicePolicy } from '@sightline/db/schema/policy';
import { usageDaily } from '@sightline/db/schema/usage';
import { categoryLabels, type ServiceCategory } from '@sightline/shared/catalog/categories';
import type { PolicyState } from '@sightline/shared/policy/policy-states';
import { policyStates } from '@sightline/shared/policy/policy-states';
import { count, isNull } from 'drizzle-orm';
import { loadCatalog } from '../catalog/catalog-source';
import { useByDepartment } from './department-use';
import { headlineFigures } from './headline-figures';
import type { Period } from './period';
import { loadQueues } from './queues';
import {
  countersPerService,
  distinctPeople,
  firstSeenOf,
  peoplePerDay,
  usageAndUnsanctionedPeople,
  visitsPerDayByState,
} from './usage-queries';

/** How many services get their own line in the people-per-day chart; the rest are "Other services". */
const TOP_SERVICES = 6;

export async function policyStateLookup(db: Db) {
  const rows = await db
    .select({ serviceId: servicePolicy.serviceId, state: servicePolicy.state })
    .from(servicePolicy);
  const byId = new Map(rows.map((r) => [r.serviceId, r.state]));
  return (serviceId: string): PolicyState => byId.get(serviceId) ?? 'unreviewed';
}

/** Everything on the dashboard but the service table: figures against the previous period, and charts. */
export async function loadDashboard(db: Db, period: Period) {
  const { from, to, previous } = period;
  const [
    catalog,
    stateOf,
    { services: current, unsanctionedPeople },
    currentDistinct,
    before,
    beforeDistinct,
    daily,
  ] = await Promise.all([
    loadCatalog(db),
    policyStateLookup(db),
    usageAndUnsanctionedPeople(db, from, to),
    distinctPeople(db, from, to),
    countersPerService(db, previous.from, previous.to),
    distinctPeople(db, previous.from, previous.to),
    visitsPerDayByState(db, from, to),
  ]);
  const nameOf = (id: string) => catalog.byId.get(id)?.name ?? id;
  const top = [...current]
    .sort((a, b) => b.people - a.people || a.serviceId.localeCompare(b.serviceId))
    .slice(0, TOP_SERVICES)
    .map((s) => s.serviceId);
  // What depends on the services in use, and the rest, at once (each reads a few rows or an index).
  const [firstSeen, topPerDay, anyPerDay, byDepartment, setup, queues] = await Promise.all([
    firstSeenOf(
      db,
      current.map((s) => s.serviceId),
    ),
    peoplePerDay(db, from, to, top),
    peoplePerDay(db, from, to, 'any'),
    useByDepartment(db, period, unsanctionedPeople),
    setupState(db),
    loadQueues(db),
  ]);

  return {
    period,
    figures: headlineFigures(current, currentDistinct, stateOf),
    previousFigures: headlineFigures(before, beforeDistinct, stateOf),
    peoplePerDay: peoplePerDaySeries(period, top, topPerDay, anyPerDay),
    topServices: top.map((serviceId) => ({ serviceId, name: nameOf(serviceId) })),
    visitsByState: visitsByStatePerDay(period, daily),
    byCategory: byCategory(current, (id) => catalog.byId.get(id)?.category ?? 'other'),
    byDepartment,
    newServices: current
      .filter((s) => {
        const first = firstSeen.get(s.serviceId);
        return first !== undefined && first >= from && first <= to;
      })
      .map((s) => ({
        serviceId: s.serviceId,
        name: nameOf(s.serviceId),
        firstSeen: firstSeen.get(s.serviceId)!,
        people: s.people,
        state: stateOf(s.serviceId),
      }))
      .sort((a, b) => b.firstSeen.localeCompare(a.firstSeen) || b.people - a.people),
    setup,
    queues,
  };
}

/** Every day of the period, so a quiet day is a zero on the chart rather than a missing point. */
export function daysOf(period: Period): string[] {
  const days: string[] = [];
  const start = Date.parse(`${period.from}T00:00:00Z`);
  for (let i = 0; i < period.days; i++)
    days.push(new Date(start + i * 86_400_000).toISOString().slice(0, 10));
  return days;
}

type PeopleOnDay = { day: string; serviceId: string; people: number };

/**
 * One row per day: people on each top service, and `any`, people on any AI service that day (each
 * counted once however many services they used), the line the top services sit under.
 */
function peoplePerDaySeries(
  period: Period,
  top: readonly string[],
  topPerDay: readonly PeopleOnDay[],
  anyPerDay: readonly PeopleOnDay[],
) {
  const rows = new Map(
    daysOf(period).map((day) => [day, { day, any: 0 } as Record<string, string | number>]),
  );
  for (const r of topPerDay) {
    const row = rows.get(r.day);
    if (row) row[r.serviceId] = r.people;
  }
  for (const r of anyPerDay) {
    const row = rows.get(r.day);
    if (row) row.any = r.people;
  }
  // Days without use on a top service show 0, not a gap.
  for (const row of rows.values()) for (const id of top) row[id] ??= 0;
  return [...rows.values()];
}

/** Every day of the period with a count per policy state (0 where nothing was visited). */
function visitsByStatePerDay(
  period: Period,
  daily: readonly { day: string; state: PolicyState; visits: number }[],
) {
  const rows = new Map(
    daysOf(period).map((day) => [day, { day, ...Object.fromEntries(policyStates.map((s) => [s, 0])) }]),
  );
  for (const r of daily) {
    const row = rows.get(r.day) as Record<string, number> | undefined;
    if (row) row[r.state] = (row[r.state] ?? 0) + r.visits;
  }
  return [...rows.values()] as ({ day: string } & Record<PolicyState, number>)[];
}

function byCategory(
  perService: readonly { serviceId: string; visits: number }[],
  categoryOf: (id: string) => ServiceCategory,
) {
  const totals = new Map<ServiceCategory, { visits: number; services: number }>();
  for (const s of perService) {
    const c = categoryOf(s.serviceId);
    const t = totals.get(c) ?? { visits: 0, services: 0 };
    t.visits += s.visits;
    t.services += 1;
    totals.set(c, t);
  }
  return [...totals]
    .map(([category, t]) => ({ category, label: categoryLabels[category], ...t }))
    .sort((a, b) => b.visits - a.visits);
}

/** What a newcomer needs next: enroll browsers, wait for the first report, or review services. */
async function setupState(db: Db) {
  const [enrolled] = await db.select({ n: count() }).from(device).where(isNull(device.revokedAt));
  // One row is enough to know; a count(*) here read all of usage_daily (2.2 million rows at 10
  // million events, ~150 ms of every dashboard call).
  const anyUsage = await db.select({ day: usageDaily.day }).from(usageDaily).limit(1);
  return { enrolledBrowsers: enrolled?.n ?? 0, anyUsageEver: anyUsage.length > 0 };
}
