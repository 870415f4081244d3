import type { ServiceDetail } from '@sightline/shared/discovery/discovery-views';
import { Link } from 'react-router';
import { departmentName } from './department-names';

type ServiceDepartment = ServiceDetail['byDepartment']['rows'][number];

/**
 * People per department on one service in the period, and their days of use added up (a person on
 * the service on 3 days counts 3); "Unknown" for people without a department.
 */
export function ServiceDepartments({
  breakdown,
  isAdmin,
}: {
  breakdown: { mappedPeople: number; rows: ServiceDepartment[] };
  isAdmin: boolean;
}) {
  return (
    <>
      <h2>By department</h2>
      {breakdown.mappedPeople === 0 ? (
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
      ) : breakdown.rows.length === 0 ? (
        <p className="muted">Nobody used this service in the period.</p>
      ) : (
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">Department</th>
              <th scope="col">People</th>
              <th scope="col" title="Each person's days on the service in the period, added up">
                Days of use
              </th>
            </tr>
          </thead>
          <tbody>
            {breakdown.rows.map((r) => (
              <tr key={departmentName(r.department)} className={r.department === null ? 'muted' : ''}>
                <th scope="row">{departmentName(r.department)}</th>
                <td>{r.people}</td>
                <td>{r.activeDays}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
