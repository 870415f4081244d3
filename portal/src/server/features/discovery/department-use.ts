import { type DbOrTx, rowsOf } from '@sightline/db/client';
import { sql } from 'drizzle-orm';
import { byPeopleThenName, type DepartmentKey, loadDepartmentMap } from '../directory/department-map';
import { forEachSetBit } from '../usage-rollups/presence-bits';
import { peoplePresenceRows } from '../usage-rollups/presence-sql';
import type { Period } from './period';
import type { PeopleChunk } from './usage-queries';

export type DepartmentUse = {
  /** Null: people with no department known (no mapping, or a browser that reports no user). */
  department: DepartmentKey;
  /** People on any AI service in the period. */
  people: number;
  /** People on a service whose policy today is unapproved or unreviewed. */
  unsanctionedPeople: number;
};

export type DepartmentBreakdown = {
  /** People with a department who have ever appeared in the usage: 0 means there is nothing to break down. */
  mappedPeople: number;
  rows: DepartmentUse[];
};

/**
 * The dashboard's use by department: people on any AI service in the period and people on the
 * unapproved or unreviewed ones, per department. Who was active comes from presence bitmaps: the
 * period's `*` rows for any service, and for the rest the union the service figures already made
 * (usageAndUnsanctionedPeople), decoded here and counted with the department map; the cost follows
 * blocks × people, not events. No rows when no one has a department.
 */
export async function useByDepartment(
  db: DbOrTx,
  period: Pick<Period, 'from' | 'to'>,
  unsanctionedPeople: readonly PeopleChunk[],
): Promise<DepartmentBreakdown> {
  const departmentOf = await loadDepartmentMap(db);
  if (departmentOf.size === 0) return { mappedPeople: 0, rows: [] };
  const anyone = rowsOf<PeopleChunk>(
    await db.execute(sql`
      select chunk, bit_or(people)::text as people
      from ${peoplePresenceRows({ from: period.from, to: period.to, services: 'any' })} p group by chunk`),
  );
  const rows = new Map<DepartmentKey, DepartmentUse>();
  const rowOf = (department: DepartmentKey) => {
    const row = rows.get(department) ?? { department, people: 0, unsanctionedPeople: 0 };
    rows.set(department, row);
    return row;
  };
  for (const c of anyone)
    forEachSetBit(c.chunk, c.people, (idx) => rowOf(departmentOf.get(idx) ?? null).people++);
  for (const c of unsanctionedPeople)
    forEachSetBit(c.chunk, c.people, (idx) => rowOf(departmentOf.get(idx) ?? null).unsanctionedPeople++);
  return { mappedPeople: departmentOf.size, rows: [...rows.values()].sort(byPeopleThenName) };
}
