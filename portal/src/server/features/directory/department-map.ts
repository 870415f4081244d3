import { type DbOrTx, rowsOf } from '@sightline/db/client';
import { sql } from 'drizzle-orm';

/**
 * The department of each person number (usage_person.idx) that has one, loaded once per request to
 * turn the people decoded from presence bitmaps into counts per department. People whose key has no
 * department (and browsers without a user) are not in it.
 */
export async function loadDepartmentMap(db: DbOrTx): Promise<Map<number, string>> {
  const rows = rowsOf<{ idx: number; department: string }>(
    await db.execute(sql`
      select p.idx, d.department from person_department d join usage_person p on p.person_key = d.person_key`),
  );
  return new Map(rows.map((r) => [Number(r.idx), r.department]));
}

/** A department's row in a breakdown; `department` null stands for people with no department known. */
export type DepartmentKey = string | null;

/**
 * Orders breakdown rows: most people first, then by name, and the people with no department known
 * last, whatever their number (they are not a department).
 */
export function byPeopleThenName<T extends { department: DepartmentKey; people: number }>(
  a: T,
  b: T,
): number {
  if (a.department === b.department) return 0;
  if (a.department === null) return 1;
  if (b.department === null) return -1;
  return b.people - a.people || a.department.localeCompare(b.department);
}
