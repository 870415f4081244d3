import { type DbOrTx, rowsOf } from '@sightline/db/client';
import { sql } from 'drizzle-orm';
import { byPeopleThenName, type DepartmentKey, loadDepartmentMap } from '../directory/department-map';
import { forEachSetBit } from '../usage-rollups/presence-bits';
import { presenceRows } from '../usage-rollups/presence-sql';
import type { Period } from './period';

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
 * unapproved or unreviewed ones, per department. Who was active comes from the period's presence
 * bitmaps (the `*` rows for any service, the unsanctioned services' rows ORed for the rest), decoded
 * here and counted with the department map; the cost follows blocks × people, not events. No rows when
 * no one has a department, so an organisation without a directory pays nothing for it.
 */
export async function useByDepartment(
  db: DbOrTx,
  period: Pick<Period, 'from' | 'to'>,
  unsanctionedServices: readonly string[],
): Promise<DepartmentBreakdown> {
  const departmentOf = await loadDepartmentMap(db);
  if (departmentOf.size === 0) return { mappedPeople: 0, rows: [] };
  const { from, to } = period;
  const unsanctionedPart = unsanctionedServices.length
    ? sql`union all select 'unsanctioned', chunk, bit_or(people)::text
        from ${presenceRows({ from, to, services: unsanctionedServices })} p group by chunk`
    : sql``;
  const chunks = rowsOf<{ scope: 'any' | 'unsanctioned'; chunk: number; people: string }>(
    await db.execute(sql`
      select 'any' as scope, chunk, bit_or(people)::text as people
      from ${presenceRows({ from, to, services: 'any' })} p group by chunk
      ${unsanctionedPart}`),
  );
  const rows = new Map<DepartmentKey, DepartmentUse>();
  const rowOf = (department: DepartmentKey) => {
    const row = rows.get(department) ?? { department, people: 0, unsanctionedPeople: 0 };
    rows.set(department, row);
    return row;
  };
  for (const c of chunks)
    forEachSetBit(c.chunk, c.people, (idx) => {
      const row = rowOf(departmentOf.get(idx) ?? null);
      if (c.scope === 'any') row.people += 1;
      else row.unsanctionedPeople += 1;
    });
  return { mappedPeople: departmentOf.size, rows: [...rows.values()].sort(byPeopleThenName) };
}
