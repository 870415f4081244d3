import { stateLabels } from '@sightline/shared/assessments/assessment-transitions';
import {
  type AccessRequestStatus,
  accessRequestStatuses,
  accessRequestStatusSchema,
} from '@sightline/shared/usage/event-kinds';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { DownloadCsvLink } from '../../components/download-csv-link';
import { EmptyState } from '../../components/empty-state';
import { LoadMore } from '../../components/load-more';
import { usePagedList } from '../../components/use-paged-list';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { optionOf } from '../../lib/form-fields';
import { hasRole, useMe } from '../../lib/session';

/**
 * Employees' access requests from the extension, grouped per service (most open first); each request
 * keeps its own status. Requests load newest first, a page at a time, into their service's group.
 */
export function RequestsPage() {
  const me = useMe().data;
  const canEdit = hasRole(me, ['admin', 'procurement']);
  const client = useQueryClient();
  const requests = usePagedList({
    queryKey: ['requests', 'pages'],
    fetchPage: (cursor) => unwrap(api.api.requests.$get({ query: { cursor } })),
  });
  const update = useApiMutation({
    mutationFn: (input: { id: string; status: AccessRequestStatus }) =>
      unwrap(api.api.requests[':id'].$patch({ param: { id: input.id }, json: { status: input.status } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['requests'] }),
    failure: 'Could not update',
  });
  const groups = requests.firstPage?.services ?? [];
  const loaded = new Map<string, typeof requests.items>();
  for (const r of requests.items) loaded.set(r.serviceId, [...(loaded.get(r.serviceId) ?? []), r]);

  return (
    <section>
      <h1>Access requests</h1>
      <p className="table-actions">
        <DownloadCsvLink path="/api/requests/export.csv" />
      </p>
      <ApiErrorAlert error={update.error} />
      {requests.loaded && groups.length === 0 && (
        <EmptyState
          title="No access requests yet"
          action={hasRole(me, ['admin']) && <Link to="/settings">Check the rollout mode</Link>}
        >
          When the extension warns someone away from an AI service (rollout mode coach or enforce), they can
          ask for access from the warning page. Their requests land here, grouped per service, for you to
          assess the service or answer them.
        </EmptyState>
      )}
      {groups.map((g) => {
        const shown = loaded.get(g.serviceId) ?? [];
        return (
          <section
            key={g.serviceId}
            className="card request-group"
            aria-label={`Requests for ${g.serviceName}`}
          >
            <h2>
              {g.serviceName} {g.vendor && <span className="muted">({g.vendor})</span>}
            </h2>
            <p>
              {g.open} open of {g.total} · service id <code>{g.serviceId}</code>
            </p>
            {shown.length < g.total && (
              <p className="muted">
                {shown.length} of {g.total} shown: older requests load with “Load more requests” below.
              </p>
            )}
            {shown.length > 0 && (
              <table>
                <caption>Requests for {g.serviceName}</caption>
                <thead>
                  <tr>
                    <th scope="col">Requested</th>
                    <th scope="col">By</th>
                    <th scope="col">Why</th>
                    <th scope="col">Intended use</th>
                    <th scope="col">Data</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((r) => (
                    <tr key={r.id} id={`request-${r.id}`}>
                      <td>{new Date(r.createdAt).toLocaleDateString()}</td>
                      <td>{r.userLabel ?? r.userKey ?? 'unknown'}</td>
                      <td>{r.justification}</td>
                      <td>{r.intendedUse}</td>
                      <td>{r.dataCategories.join(', ') || '—'}</td>
                      <td>
                        {canEdit ? (
                          <select
                            aria-label={`Status of request ${r.id}`}
                            value={r.status}
                            onChange={(e) => {
                              const status = optionOf(accessRequestStatusSchema, e.target.value);
                              if (status) update.mutate({ id: r.id, status });
                            }}
                          >
                            {accessRequestStatuses.map((s) => (
                              <option key={s} value={s}>
                                {s.replace('_', ' ')}
                              </option>
                            ))}
                          </select>
                        ) : (
                          r.status.replace('_', ' ')
                        )}
                        {r.assessmentId ? (
                          <Link to={`/assessments/${r.assessmentId}`}> · open its assessment</Link>
                        ) : r.openAssessment ? (
                          <>
                            {' · '}
                            <Link to={`/assessments/${r.openAssessment.id}`}>
                              open the assessment already under way (
                              {stateLabels[r.openAssessment.state].toLowerCase()})
                            </Link>
                          </>
                        ) : (
                          canEdit &&
                          r.status === 'open' && (
                            <Link
                              to={`/assessments/new?accessRequestId=${r.id}&serviceId=${encodeURIComponent(g.serviceId)}`}
                            >
                              {' '}
                              · start an assessment
                            </Link>
                          )
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
      <LoadMore list={requests} noun="requests" />
    </section>
  );
}
