import { type Db, rowsOf } from '@sightline/db/client';
import { auditLog } from '@sightline/db/schema/audit';
import { orgSettings } from '@sightline/db/schema/org';
import {
  type DepartmentImportMode,
  type DepartmentImportProblems,
  MAX_REPORTED_PROBLEMS,
} from '@sightline/shared/directory/department-import';
import { desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';
import { AppError } from '../../errors';
import { parseDepartmentCsv } from './department-csv';
import { setDepartments } from './set-departments';

export const DEPARTMENTS_IMPORTED = 'directory.departments_imported';
/** The settings page lists the largest departments; the count covers them all. */
const DEPARTMENTS_LISTED = 100;

/**
 * Imports a department file: every row is checked first and any bad row refuses the whole file (400,
 * each bad line with its reason); a good file is written in one transaction with its audit entry,
 * which records how many rows and departments, never an address.
 */
export async function importDepartments(
  deps: { db: Db; now: Date },
  actor: Actor & { type: 'staff' },
  csv: string,
  mode: DepartmentImportMode,
) {
  const parsed = parseDepartmentCsv(csv);
  if (!parsed.ok) {
    const details: DepartmentImportProblems = {
      problems: parsed.problems.slice(0, MAX_REPORTED_PROBLEMS),
      totalProblems: parsed.problems.length,
    };
    const count = parsed.problems.length;
    throw new AppError(
      'bad_request',
      count === 1
        ? `Nothing was imported: line ${parsed.problems[0]!.line}: ${parsed.problems[0]!.reason}`
        : `Nothing was imported: ${count} problems in the file`,
      details,
    );
  }
  const departments = new Set(parsed.assignments.map((a) => a.department)).size;
  return deps.db.transaction(async (tx) => {
    const result = await setDepartments(tx, {
      assignments: parsed.assignments,
      source: 'csv',
      replaceCsv: mode === 'replace',
      now: deps.now,
    });
    await recordAudit(tx, {
      actor,
      action: DEPARTMENTS_IMPORTED,
      targetType: 'directory',
      targetId: 'departments',
      details: { rows: result.set, departments, mode, removed: result.removed },
      at: deps.now,
    });
    return { imported: result.set, departments, removed: result.removed, mode };
  });
}

/**
 * What the settings page shows: how many people have a department, in which, how many of them have a
 * manager or were given their department at sign-in, and the last import.
 */
export async function departmentSummary(db: Db) {
  const [totals, largest, [settings], [lastImport]] = await Promise.all([
    db
      .execute(
        sql`select count(*)::int as people, count(distinct department)::int as departments,
          count(manager_key)::int as with_manager,
          count(*) filter (where source = 'sign-in')::int as from_sign_in
          from person_department`,
      )
      .then(
        (r) =>
          rowsOf<{ people: number; departments: number; with_manager: number; from_sign_in: number }>(r)[0],
      ),
    db
      .execute(
        sql`select department, count(*)::int as people from person_department
          group by department order by count(*) desc, department limit ${DEPARTMENTS_LISTED}`,
      )
      .then((r) => rowsOf<{ department: string; people: number }>(r)),
    db
      .select({ pseudonymised: orgSettings.pseudonymiseUsers })
      .from(orgSettings)
      .where(eq(orgSettings.id, 1)),
    db
      .select({ at: auditLog.at, by: auditLog.actorLabel, details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.action, DEPARTMENTS_IMPORTED))
      .orderBy(desc(auditLog.seq))
      .limit(1),
  ]);
  return {
    mappedPeople: Number(totals?.people ?? 0),
    departmentCount: Number(totals?.departments ?? 0),
    withManager: Number(totals?.with_manager ?? 0),
    fromSignIn: Number(totals?.from_sign_in ?? 0),
    departments: largest.map((d) => ({ department: d.department, people: Number(d.people) })),
    pseudonymised: settings?.pseudonymised ?? true,
    lastImport: lastImport
      ? {
          at: lastImport.at,
          by: lastImport.by,
          rows: typeof lastImport.details.rows === 'number' ? lastImport.details.rows : null,
          mode: typeof lastImport.details.mode === 'string' ? lastImport.details.mode : null,
          removed: typeof lastImport.details.removed === 'number' ? lastImport.details.removed : 0,
        }
      : null,
  };
}
