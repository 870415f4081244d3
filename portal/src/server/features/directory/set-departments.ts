import { type DbOrTx, rowsOf } from '@sightline/db/client';
import type { DepartmentSource } from '@sightline/db/schema/directory';
import { orgSettings } from '@sightline/db/schema/org';
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors';
import { userKeyFor } from '../extension-api/credentials';
import type { DepartmentAssignment } from './department-csv';

/** Rows per statement: one JSON parameter each, so a big file costs a few statements, not thousands. */
const ROWS_PER_STATEMENT = 10_000;

export type SetDepartmentsInput = {
  assignments: readonly DepartmentAssignment[];
  /** The CSV import, or the identity provider's claims at sign-in. */
  source: DepartmentSource;
  /** Also remove the CSV-set departments of people not in `assignments` (departments set at sign-in stay). */
  replaceCsv?: boolean;
  /**
   * An assignment without a manager keeps the one already stored (sign-in: a token that names no
   * manager says nothing about them); otherwise, as in a CSV file, no manager means none.
   */
  keepStoredManager?: boolean;
  now: Date;
};

/**
 * The one way a person's department is set, whoever knows it: the CSV import and sign-in through
 * the identity provider. Each email becomes the person key the usage rollups use (the keyed
 * hash under the org's secret while pseudonymisation is on, so no address is stored; the address
 * itself when it is off, kept then also as `email`), and the manager's address is keyed the same way.
 * Run it inside the caller's transaction: it is all or nothing with whatever else the caller does.
 */
export async function setDepartments(
  tx: DbOrTx,
  input: SetDepartmentsInput,
): Promise<{ set: number; removed: number }> {
  const [org] = await tx
    .select({ pseudonymise: orgSettings.pseudonymiseUsers, secret: orgSettings.pseudonymSecret })
    .from(orgSettings)
    .where(eq(orgSettings.id, 1));
  if (!org) throw new AppError('not_found', 'The organisation is not set up yet');
  const keyOf = (email: string) => userKeyFor(email, org.pseudonymise, org.secret)!;

  const rows = input.assignments.map((a) => ({
    person_key: keyOf(a.email),
    email: org.pseudonymise ? null : a.email.trim().toLowerCase(),
    department: a.department,
    manager_key: a.manager ? keyOf(a.manager) : null,
  }));
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const batch = rows.slice(i, i + ROWS_PER_STATEMENT);
    const manager = input.keepStoredManager
      ? sql`coalesce(excluded.manager_key, person_department.manager_key)`
      : sql`excluded.manager_key`;
    await tx.execute(sql`
      insert into person_department (person_key, email, department, manager_key, source, updated_at)
      select person_key, email, department, manager_key, ${input.source}, ${input.now.toISOString()}::timestamptz
      from json_to_recordset(${JSON.stringify(batch)}::json)
        as r(person_key text, email text, department text, manager_key text)
      on conflict (person_key) do update set email = excluded.email, department = excluded.department,
        manager_key = ${manager}, source = excluded.source, updated_at = excluded.updated_at`);
  }

  let removed = 0;
  if (input.replaceCsv) {
    const keys = rows.map((r) => r.person_key);
    const gone = rowsOf<{ person_key: string }>(
      await tx.execute(sql`
        delete from person_department
        where source = 'csv'
          and person_key not in (select json_array_elements_text(${JSON.stringify(keys)}::json))
        returning person_key`),
    );
    removed = gone.length;
  }
  return { set: rows.length, removed };
}
