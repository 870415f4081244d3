import { sql } from 'drizzle-orm';
import { check, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Where a department came from: an admin's CSV upload, or (later) the identity provider at sign-in. */
export const departmentSources = ['csv', 'sign-in'] as const;
export type DepartmentSource = (typeof departmentSources)[number];

/**
 * A person's department (and manager, where known), keyed like the usage rollups key people:
 * `person_key` is `usage_person.person_key` / `usage_daily.user_key`, the keyed hash of the email
 * under the org's pseudonym secret while pseudonymisation is on (the default), so the dashboard can
 * count by department without an email stored. `email` is kept only when pseudonymisation is off,
 * like a browser's user label; the manager is keyed the same way as the person.
 */
export const personDepartment = pgTable(
  'person_department',
  {
    personKey: text('person_key').primaryKey(),
    email: text('email'),
    department: text('department').notNull(),
    managerKey: text('manager_key'),
    source: text('source', { enum: departmentSources }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('person_department_source_check', sql`${t.source} in ('csv', 'sign-in')`)],
);
