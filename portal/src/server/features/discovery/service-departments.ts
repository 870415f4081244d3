import { type Db, rowsOf } from '@sightline/db/client';
import { sql } from 'drizzle-orm';
import { loadCatalog } from '../catalog/catalog-source';
import { byPeopleThenName, type DepartmentKey, loadDepartmentMap } from '../directory/department-map';
import { ensureServiceKnown } from './known-service';
import type { Period } from './period';
import { daysActive } from './service-people';

export type ServiceDepartment = {
  /** Null: people with no department known. */
  department: DepartmentKey;
  people: number;
  visits: number;
};

/** The service page's breakdown by department (its own call; 404 for a service nobody knows). */
export async function loadServiceDepartments(db: Db, serviceId: string, period: Period) {
  await ensureServiceKnown(db, await loadCatalog(db), serviceId);
  return { period, ...(await departmentsOfService(db, serviceId, period)) };
}

/**
 * One service's use per department in the period. People: everyone on the service (decoded from its
 * presence bitmaps by daysActive) counted with the department map. Visits: the
 * service's per-browser daily counts in the period, summed per department (page loads plus warning and
 * block pages, less proceeds, never below zero per department), read while the bitmaps are decoded.
 * Empty when no one has a department, and then nothing but the department map is read.
 */
export async function departmentsOfService(
  db: Db,
  serviceId: string,
  period: Period,
): Promise<{ mappedPeople: number; rows: ServiceDepartment[] }> {
  const departmentOf = await loadDepartmentMap(db);
  if (departmentOf.size === 0) return { mappedPeople: 0, rows: [] };
  const [days, visits] = await Promise.all([
    daysActive(db, serviceId, period),
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
