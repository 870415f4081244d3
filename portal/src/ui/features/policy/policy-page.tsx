import { categoryLabels, type ServiceCategory } from '@sightline/shared/catalog/categories';
import { type PolicyState, policyStateSchema, policyStates } from '@sightline/shared/policy/policy-states';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { LoadMore } from '../../components/load-more';
import { usePagedList } from '../../components/use-paged-list';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { optionOf } from '../../lib/form-fields';
import { hasRole, useMe } from '../../lib/session';
import { PolicyForm, type PolicyFormOutput } from './policy-form';

export const stateLabels: Record<PolicyState, string> = {
  approved: 'Approved',
  conditional: 'Approved with conditions',
  unreviewed: 'Unreviewed',
  unapproved: 'Unapproved (warn)',
  blocked: 'Blocked',
};

/** Every catalog service with the org's decision; admin and procurement change it here. */
export function PolicyPage() {
  const canEdit = hasRole(useMe().data, ['admin', 'procurement']);
  const client = useQueryClient();
  const [filter, setFilter] = useState('');
  const [stateFilter, setStateFilter] = useState<'' | PolicyState>('');
  const query = { q: filter.trim() || undefined, state: stateFilter || undefined };
  const services = usePagedList({
    queryKey: ['policy', 'pages', query],
    fetchPage: (cursor) => unwrap(api.api.policy.services.$get({ query: { ...query, cursor } })),
    idOf: (s) => s.serviceId,
  });
  const alternatives = useQuery({
    queryKey: ['policy', 'alternatives'],
    queryFn: () => unwrap(api.api.policy.alternatives.$get()),
  });
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const shown = services.items;
  const current = shown.find((s) => s.serviceId === editing);

  const save = useApiMutation({
    mutationFn: (input: { serviceId: string; body: PolicyFormOutput }) =>
      unwrap(
        api.api.policy.services[':serviceId'].$put({
          param: { serviceId: input.serviceId },
          json: input.body,
        }),
      ),
    onSuccess: () => {
      setSaved(true);
      setEditing(null);
      void client.invalidateQueries({ queryKey: ['policy'] });
    },
    onMutate: () => setSaved(false),
    failure: 'Could not save',
  });

  const counts = policyStates.map((s) => [s, services.firstPage?.counts[s] ?? 0] as const);

  return (
    <section>
      <h1>Policy</h1>
      <p className="stat-line">
        {counts.map(([s, n]) => (
          <span key={s} className={`badge state-${s}`}>
            {stateLabels[s]}: {n}
          </span>
        ))}
      </p>
      {saved && (
        <p role="status" className="info">
          Saved. Browsers pick it up on their next policy sync.
        </p>
      )}
      <ApiErrorAlert error={save.error} />
      {current && canEdit && (
        <PolicyForm
          key={current.serviceId}
          current={current}
          all={alternatives.data?.services ?? []}
          stateLabels={stateLabels}
          saving={save.isPending}
          onSave={(body) => save.mutate({ serviceId: current.serviceId, body })}
          onCancel={() => setEditing(null)}
        />
      )}
      <div className="inline-form">
        <label>
          Find a service
          <input
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder="Name, vendor or id"
          />
        </label>
        <label>
          State
          <select
            value={stateFilter}
            onChange={(e) => setStateFilter(optionOf(policyStateSchema, e.target.value) ?? '')}
          >
            <option value="">Any</option>
            {policyStates.map((s) => (
              <option key={s} value={s}>
                {stateLabels[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {services.loaded && shown.length === 0 ? (
        <EmptyState
          title="No service matches"
          action={
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setFilter('');
                setStateFilter('');
              }}
            >
              Clear the filters
            </button>
          }
        >
          The search looks at names, vendors and service ids; the catalog page adds services it lacks.
        </EmptyState>
      ) : (
        <table>
          <caption>Services</caption>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Vendor</th>
              <th scope="col">Category</th>
              <th scope="col">State</th>
              <th scope="col">Conditions / alternative</th>
              {canEdit && <th scope="col">Change</th>}
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => (
              <tr key={s.serviceId}>
                <td>
                  {s.name}
                  {s.custom && <span className="muted"> (custom)</span>}
                </td>
                <td>{s.vendor}</td>
                <td>{categoryLabels[s.category as ServiceCategory] ?? s.category}</td>
                <td>
                  <span className={`badge state-${s.state}`}>{stateLabels[s.state]}</span>
                </td>
                <td>
                  {s.conditions}
                  {s.alternativeServiceId && ` → ${s.alternativeName ?? s.alternativeServiceId}`}
                </td>
                {canEdit && (
                  <td>
                    <button type="button" className="link-button" onClick={() => setEditing(s.serviceId)}>
                      Edit<span className="visually-hidden"> {s.name}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore list={services} noun="services" />
    </section>
  );
}
