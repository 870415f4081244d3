import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../lib/api';
import { departmentName } from './department-names';
import type { PeriodQuery } from './use-period';

/**
 * People and visits per department on one service in the period; "Unknown" for people without one.
 * Loaded on its own (it reads the service's daily rows), so the rest of the page does not wait for it.
 */
export function ServiceDepartments({
  serviceId,
  query,
  isAdmin,
}: {
  serviceId: string;
  query: PeriodQuery;
  isAdmin: boolean;
}) {
  const departments = useQuery({
    queryKey: ['discovery', 'service', serviceId, 'departments', query],
    queryFn: () =>
      unwrap(api.api.discovery.services[':serviceId'].departments.$get({ param: { serviceId }, query })),
  });
  const breakdown = departments.data;
  return (
    <>
      <h2>By department</h2>
      {departments.isError ? (
        <p role="alert" className="error">
          Could not load the breakdown by department: {departments.error.message}
        </p>
      ) : !breakdown ? (
        <p className="loading">Loading…</p>
      ) : breakdown.mappedPeople === 0 ? (
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
              <th scope="col">Visits</th>
            </tr>
          </thead>
          <tbody>
            {breakdown.rows.map((r) => (
              <tr key={departmentName(r.department)} className={r.department === null ? 'muted' : ''}>
                <th scope="row">{departmentName(r.department)}</th>
                <td>{r.people}</td>
                <td>{r.visits}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
