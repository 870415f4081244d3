import { type Db, rowsOf } from '@sightline/db/client';
import { sql } from 'drizzle-orm';
import { byPeopleThenName, type DepartmentKey, loadDepartmentMap } from '../directory/department-map';
import type { Period } from './period';

export type ServiceDepartment = {
  /** Null: people with no department known. */
  department: DepartmentKey;
  people: number;
  visits: number;
};

/**
 * One service's use per department in the period. People: everyone on the service (the keys of
 * `activeDays`, decoded from its presence bitmaps) counted with the department map. Visits: the
 * service's per-browser daily counts in the period, summed per department (page loads plus warning and
 * block pages, less proceeds, never below zero per department), read while the bitmaps are decoded.
 * Empty when no one has a department, and then nothing but the department map is read.
 */
export async function departmentsOfService(
  db: Db,
  serviceId: string,
  period: Period,
  activeDays: Promise<ReadonlyMap<number, number>>,
): Promise<{ mappedPeople: number; rows: ServiceDepartment[] }> {
  const departmentOf = await loadDepartmentMap(db);
  if (departmentOf.size === 0) return { mappedPeople: 0, rows: [] };
  const [days, visits] = await Promise.all([
    activeDays,
    db
      .execute(sql`
        select pd.department, greatest(sum(d.visits + d.warnings + d.blocks - d.proceeds), 0) as visits
        from usage_daily d
        left join person_department pd on pd.person_key = coalesce(d.user_key, d.device_id::text)
        where d.service_id = ${serviceId} and d.day between ${period.from}::date and ${period.to}::date
        group by pd.department`)
      .then((r) => rowsOf<{ department: string | null; visits: number | string }>(r)),
  ]);
  const rows = new Map<DepartmentKey, ServiceDepartment>();
  const rowOf = (department: DepartmentKey) => {
    const row = rows.get(department) ?? { department, people: 0, visits: 0 };
    rows.set(department, row);
    return row;
  };
  for (const idx of days.keys()) rowOf(departmentOf.get(idx) ?? null).people += 1;
  for (const v of visits) rowOf(v.department).visits = Number(v.visits);
  return { mappedPeople: departmentOf.size, rows: [...rows.values()].sort(byPeopleThenName) };
}
