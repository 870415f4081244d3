import { type PolicyState, policyStates } from '@sightline/shared/policy/policy-states';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../lib/api';
import { useApiMutation } from '../../lib/api-mutation';
import { stateLabels } from '../policy/policy-page';

/** One state, conditions and alternative for every selected service, saved as one policy change. */
export function BulkPolicyForm({ serviceIds, onDone }: { serviceIds: string[]; onDone: () => void }) {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [state, setState] = useState<PolicyState>('approved');
  const policies = useQuery({
    queryKey: ['policy', 'alternatives'],
    queryFn: () => unwrap(api.api.policy.alternatives.$get()),
  });
  const save = useApiMutation({
    mutationFn: (json: Parameters<typeof api.api.policy.services.bulk.$post>[0]['json']) =>
      unwrap(api.api.policy.services.bulk.$post({ json })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['discovery'] });
      void client.invalidateQueries({ queryKey: ['policy'] });
      onDone();
    },
    failure: 'Could not save the policy',
    onError: (e) => setError(e.message),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const text = (k: string) => String(f.get(k) ?? '').trim() || null;
    setError(null);
    save.mutate({
      serviceIds,
      policy: {
        state,
        conditions: text('conditions'),
        alternativeServiceId: text('alternativeServiceId'),
        alternativeUrl: text('alternativeUrl'),
      },
    });
  };
  const alternatives = (policies.data?.services ?? []).filter(
    (s) => (s.state === 'approved' || s.state === 'conditional') && !serviceIds.includes(s.serviceId),
  );
  return (
    <form className="card bulk-policy" onSubmit={onSubmit} aria-label="Policy for the selected services">
      <h2>
        Set the policy of {serviceIds.length} selected service{serviceIds.length === 1 ? '' : 's'}
      </h2>
      <div className="form-grid">
        <label>
          State
          <select name="state" value={state} onChange={(e) => setState(e.target.value as PolicyState)}>
            {policyStates.map((s) => (
              <option key={s} value={s}>
                {stateLabels[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Approved alternative
          <select name="alternativeServiceId" defaultValue="">
            <option value="">None</option>
            {alternatives.map((s) => (
              <option key={s.serviceId} value={s.serviceId}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Alternative URL (optional)
          <input name="alternativeUrl" type="url" placeholder="https://" />
        </label>
        <label className="wide">
          Conditions{state === 'conditional' ? ' (required: staff see them on every visit)' : ' (optional)'}
          <textarea name="conditions" maxLength={4000} required={state === 'conditional'} />
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" disabled={save.isPending}>
          Save for {serviceIds.length} service{serviceIds.length === 1 ? '' : 's'}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
      <p className="field-help">
        Saved as one policy change: each browser fetches the new policy once, on its next sync. Every
        service's change is in the audit trail.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
