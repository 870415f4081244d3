import type { Dashboard } from '@sightline/shared/discovery/discovery-views';
import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { departmentName } from './department-names';
import { stateColours } from './format';

/** Departments with a bar of their own; the rest are added up (each person is in one department). */
const DEPARTMENTS_SHOWN = 10;

type DepartmentUse = Dashboard['byDepartment']['rows'][number];

/**
 * People per department on any AI service in the period, and on services nobody has approved
 * (unapproved or unreviewed). Each person counts once in their department whatever the number of
 * services, so the bars add up to the period's people.
 */
export function DepartmentUseChart({
  breakdown,
  isAdmin,
}: {
  breakdown: { mappedPeople: number; rows: DepartmentUse[] };
  isAdmin: boolean;
}) {
  if (breakdown.mappedPeople === 0)
    return (
      <figure className="chart">
        <figcaption>Use by department</figcaption>
        <p className="muted">
          No one has a department yet.{' '}
          {isAdmin ? (
            <>
              Import a CSV of email and department under <Link to="/settings#departments">Settings</Link>.
            </>
          ) : (
            'An admin can import a CSV of email and department under Settings.'
          )}
        </p>
      </figure>
    );
  const rows = chartRows(breakdown.rows);
  return (
    <figure className="chart">
      <figcaption>Use by department (people)</figcaption>
      <div style={{ height: Math.max(140, rows.length * 34 + 60) }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 24, top: 4, bottom: 4 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={170} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend />
            <Bar dataKey="people" name="On any AI service" fill="#2563eb" isAnimationActive={false} />
            <Bar
              dataKey="unsanctionedPeople"
              name="On unapproved or unreviewed services"
              fill={stateColours.unapproved}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="visually-hidden">
        <caption>People per department</caption>
        <thead>
          <tr>
            <th scope="col">Department</th>
            <th scope="col">On any AI service</th>
            <th scope="col">On unapproved or unreviewed services</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              <td>{r.people}</td>
              <td>{r.unsanctionedPeople}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** The largest departments, the others added up, and the people with no department last. */
function chartRows(rows: readonly DepartmentUse[]) {
  const named = rows.filter((r) => r.department !== null);
  const unknown = rows.find((r) => r.department === null);
  const out = named.slice(0, DEPARTMENTS_SHOWN).map((r) => ({ ...r, name: departmentName(r.department) }));
  const rest = named.slice(DEPARTMENTS_SHOWN);
  if (rest.length)
    out.push({
      department: null,
      name: `${rest.length} other departments`,
      people: rest.reduce((n, r) => n + r.people, 0),
      unsanctionedPeople: rest.reduce((n, r) => n + r.unsanctionedPeople, 0),
    });
  if (unknown) out.push({ ...unknown, name: departmentName(null) });
  return out;
}
