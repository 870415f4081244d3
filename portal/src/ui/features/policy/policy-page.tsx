import { categoryLabels, type ServiceCategory } from '@sightline/shared/catalog/categories';
import { type PolicyState, policyStates } from '@sightline/shared/policy/policy-states';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { api, unwrap } from '../../lib/api';
import { useApiMutation } from '../../lib/api-mutation';
import { hasRole, useMe } from '../../lib/session';

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
  const services = useQuery({ queryKey: ['policy'], queryFn: () => unwrap(api.api.policy.services.$get()) });
  const [filter, setFilter] = useState('');
  const [stateFilter, setStateFilter] = useState<'' | PolicyState>('');
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const all = services.data?.services ?? [];
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return all
      .filter((s) => !stateFilter || s.state === stateFilter)
      .filter((s) => !q || `${s.name} ${s.vendor} ${s.serviceId}`.toLowerCase().includes(q))
      .slice(0, 200);
  }, [all, filter, stateFilter]);
  const current = all.find((s) => s.serviceId === editing);

  const save = useApiMutation({
    mutationFn: (input: {
      serviceId: string;
      body: Parameters<(typeof api.api.policy.services)[':serviceId']['$put']>[0]['json'];
    }) =>
      unwrap(
        api.api.policy.services[':serviceId'].$put({
          param: { serviceId: input.serviceId },
          json: input.body,
        }),
      ),
    onSuccess: (_r, input) => {
      setMessage({ kind: 'info', text: `Saved. Browsers pick it up on their next policy sync.` });
      setEditing(null);
      void client.invalidateQueries({ queryKey: ['policy'] });
      void input;
    },
    failure: 'Could not save',
    onError: (err) => setMessage({ kind: 'error', text: err.message }),
  });

  const onSave = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!current) return;
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim() || null;
    save.mutate({
      serviceId: current.serviceId,
      body: {
        state: String(form.get('state')) as PolicyState,
        conditions: text('conditions'),
        alternativeServiceId: text('alternativeServiceId'),
        alternativeUrl: text('alternativeUrl'),
        note: text('note'),
      },
    });
  };

  const counts = policyStates.map((s) => [s, all.filter((x) => x.state === s).length] as const);

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
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
          {message.text}
        </p>
      )}
      {current && canEdit && (
        <form
          className="card"
          onSubmit={onSave}
          aria-label={`Policy for ${current.name}`}
          key={current.serviceId}
        >
          <h2>
            {current.name} <span className="muted">({current.vendor})</span>
          </h2>
          <label>
            State
            <select name="state" defaultValue={current.state}>
              {policyStates.map((s) => (
                <option key={s} value={s}>
                  {stateLabels[s]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Conditions (required for “approved with conditions”; shown to staff in the banner)
            <textarea name="conditions" defaultValue={current.conditions ?? ''} maxLength={4000} />
          </label>
          <label>
            Approved alternative (catalog service)
            <select name="alternativeServiceId" defaultValue={current.alternativeServiceId ?? ''}>
              <option value="">None</option>
              {all
                .filter(
                  (s) =>
                    s.state === 'approved' ||
                    s.state === 'conditional' ||
                    s.serviceId === current.alternativeServiceId,
                )
                .filter((s) => s.serviceId !== current.serviceId)
                .map((s) => (
                  <option key={s.serviceId} value={s.serviceId}>
                    {s.name}
                  </option>
                ))}
            </select>
          </label>
          <label>
            Alternative URL (optional; defaults to the alternative's website)
            <input name="alternativeUrl" type="url" defaultValue={current.alternativeUrl ?? ''} />
          </label>
          <label>
            Internal note
            <input name="note" defaultValue={current.note ?? ''} maxLength={4000} />
          </label>
          <div className="form-actions">
            <button type="submit" disabled={save.isPending}>
              Save policy
            </button>
            <button type="button" className="secondary" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </form>
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
          <select value={stateFilter} onChange={(e) => setStateFilter(e.target.value as '' | PolicyState)}>
            <option value="">Any</option>
            {policyStates.map((s) => (
              <option key={s} value={s}>
                {stateLabels[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {services.data && shown.length === 0 ? (
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
          <caption>
            Services ({shown.length} of {all.length} shown)
          </caption>
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
                  {s.alternativeServiceId &&
                    ` → ${all.find((a) => a.serviceId === s.alternativeServiceId)?.name ?? s.alternativeServiceId}`}
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
    </section>
  );
}
