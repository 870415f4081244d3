import type { DbOrTx } from '@sightline/db/client';
import type { DepartmentAssignment } from '../directory/department-csv';
import { setDepartments } from '../directory/set-departments';

/** Departments of a mid-sized organisation, with how many of every 100 people work in each. */
const DEMO_DEPARTMENTS: [string, number][] = [
  ['Engineering', 26],
  ['Sales', 16],
  ['Customer Support', 14],
  ['Marketing', 10],
  ['Operations', 9],
  ['Finance', 7],
  ['Product', 7],
  ['People and HR', 5],
  ['Legal', 3],
  ['Security', 3],
];

/**
 * Gives the demo's people departments, as an admin's CSV import would (through setDepartments): every
 * person with an address except about one in ten (people the directory file does not list), the first
 * person of each department being the others' manager. `rnd` is the demo's own seeded generator.
 */
export async function seedDemoDepartments(
  db: DbOrTx,
  emails: readonly string[],
  rnd: () => number,
  now: Date,
) {
  const total = DEMO_DEPARTMENTS.reduce((n, [, w]) => n + w, 0);
  const pick = () => {
    let r = rnd() * total;
    for (const [name, weight] of DEMO_DEPARTMENTS) {
      r -= weight;
      if (r <= 0) return name;
    }
    return DEMO_DEPARTMENTS[0]![0];
  };
  const managers = new Map<string, string>();
  const assignments: DepartmentAssignment[] = [];
  for (const email of emails) {
    if (rnd() < 0.1) continue;
    const department = pick();
    const manager = managers.get(department) ?? null;
    if (!manager) managers.set(department, email);
    assignments.push({ email, department, manager });
  }
  return setDepartments(db, { assignments, source: 'csv', now });
}
