import { type DbOrTx, rowsOf } from '@sightline/db/client';
import { usageDaily } from '@sightline/db/schema/usage';
import { and, countDistinct, eq, gte, lte, notInArray, sql, sum } from 'drizzle-orm';

/**
 * Who a row belongs to: the user key, or the browser when no user is known (the overview's rule, so
 * a browser without a user hint still counts as one person).
 */
export const personKey = sql<string>`coalesce(${usageDaily.userKey}, ${usageDaily.deviceId}::text)`;

/**
 * Every way to the service is a visit: a page load, or a warning or block page in its place. Proceeding
 * past a warning loads the page (a visit event) for the visit the warning already counted, so proceeds
 * are taken off once. Summed per group, never below zero.
 */
export const visitsSql = sql<number>`greatest(sum(${usageDaily.visits} + ${usageDaily.warnings} + ${usageDaily.blocks} - ${usageDaily.proceeds}), 0)`;

const inPeriod = (from: string, to: string) => and(gte(usageDaily.day, from), lte(usageDaily.day, to));

export type ServiceUsage = Awaited<ReturnType<typeof usagePerService>>[number];

/** Each service used in the period with its counts (no cap, every service is there), or just `serviceId`. */
export async function usagePerService(db: DbOrTx, from: string, to: string, serviceId?: string) {
  return db
    .select({
      serviceId: usageDaily.serviceId,
      people: countDistinct(personKey),
      browsers: countDistinct(usageDaily.deviceId),
      visits: visitsSql.mapWith(Number),
      warnings: sum(usageDaily.warnings).mapWith(Number),
      proceeds: sum(usageDaily.proceeds).mapWith(Number),
      blocks: sum(usageDaily.blocks).mapWith(Number),
      logins: sum(usageDaily.logins).mapWith(Number),
      personalAccountEvents: sum(usageDaily.personalAccountEvents).mapWith(Number),
      pastes: sum(usageDaily.pastes).mapWith(Number),
      uploads: sum(usageDaily.uploads).mapWith(Number),
      apiCalls: sum(usageDaily.apiCalls).mapWith(Number),
    })
    .from(usageDaily)
    .where(and(inPeriod(from, to), serviceId ? eq(usageDaily.serviceId, serviceId) : undefined))
    .groupBy(usageDaily.serviceId);
}

/** Distinct people and browsers across all services in the period. */
export async function distinctPeople(db: DbOrTx, from: string, to: string) {
  const [row] = await db
    .select({ people: countDistinct(personKey), browsers: countDistinct(usageDaily.deviceId) })
    .from(usageDaily)
    .where(inPeriod(from, to));
  return { people: row?.people ?? 0, browsers: row?.browsers ?? 0 };
}

/** People and visits per day and service (the rows every time chart is drawn from). */
export async function usagePerDayAndService(db: DbOrTx, from: string, to: string, serviceId?: string) {
  return db
    .select({
      day: usageDaily.day,
      serviceId: usageDaily.serviceId,
      people: countDistinct(personKey),
      visits: visitsSql.mapWith(Number),
    })
    .from(usageDaily)
    .where(and(inPeriod(from, to), serviceId ? eq(usageDaily.serviceId, serviceId) : undefined))
    .groupBy(usageDaily.day, usageDaily.serviceId)
    .orderBy(usageDaily.day);
}

/** Distinct people per day on services outside `exclude` (the "others" line: one person counts once). */
export async function peoplePerDayOutside(db: DbOrTx, from: string, to: string, exclude: readonly string[]) {
  return db
    .select({ day: usageDaily.day, people: countDistinct(personKey) })
    .from(usageDaily)
    .where(
      and(inPeriod(from, to), exclude.length ? notInArray(usageDaily.serviceId, [...exclude]) : undefined),
    )
    .groupBy(usageDaily.day)
    .orderBy(usageDaily.day);
}

/**
 * The first day each of `serviceIds` ever appears in the daily counts. One index probe per service
 * (usage_daily_service_idx is (service_id, day)) rather than a scan of the whole table: the table keeps
 * every day ever counted. The ids travel as one JSON parameter (PGlite and postgres.js pass strings alike).
 */
export async function firstSeenOf(db: DbOrTx, serviceIds: readonly string[]): Promise<Map<string, string>> {
  if (serviceIds.length === 0) return new Map();
  const rows = await db.execute(sql`
    select s.id as "serviceId",
      (select min(${usageDaily.day}) from ${usageDaily} where ${usageDaily.serviceId} = s.id)::text as "first"
    from json_array_elements_text(${JSON.stringify(serviceIds)}::json) as s(id)`);
  return new Map(
    rowsOf<{ serviceId: string; first: string | null }>(rows)
      .filter((r) => r.first !== null)
      .map((r) => [r.serviceId, r.first!]),
  );
}
