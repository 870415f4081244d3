import { setServicePolicySchema } from '@sightline/shared/extension-api/staff-admin';
import { policyStates } from '@sightline/shared/policy/policy-states';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { intoContract } from '../../lib/into-contract';
import { textLimits } from '../../lib/schema-limits';
import { FieldError, fieldErrorProps, useZodForm } from '../../lib/zod-form';
import { policyFields } from '../policy/policy-form';
import { stateLabels } from '../policy/policy-page';

const formSchema = intoContract(z.object(policyFields), setServicePolicySchema);
type Policy = z.output<typeof formSchema>;

/** One state, conditions and alternative for every selected service, saved as one policy change. */
export function BulkPolicyForm({ serviceIds, onDone }: { serviceIds: string[]; onDone: () => void }) {
  const client = useQueryClient();
  const policies = useQuery({
    queryKey: ['policy', 'alternatives'],
    queryFn: () => unwrap(api.api.policy.alternatives.$get()),
  });
  const form = useZodForm(formSchema, {
    defaultValues: { state: 'approved', conditions: '', alternativeServiceId: '', alternativeUrl: '' },
  });
  const save = useApiMutation({
    mutationFn: (policy: Policy) =>
      unwrap(api.api.policy.services.bulk.$post({ json: { serviceIds, policy } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['discovery'] });
      void client.invalidateQueries({ queryKey: ['policy'] });
      onDone();
    },
    failure: 'Could not save the policy',
  });
  const state = form.watch('state');
  const errors = form.formState.errors;
  const alternatives = (policies.data?.services ?? []).filter(
    (s) => (s.state === 'approved' || s.state === 'conditional') && !serviceIds.includes(s.serviceId),
  );
  return (
    <form
      className="card bulk-policy"
      onSubmit={form.handleSubmit((policy) => save.mutate(policy))}
      aria-label="Policy for the selected services"
      noValidate
    >
      <h2>
        Set the policy of {serviceIds.length} selected service{serviceIds.length === 1 ? '' : 's'}
      </h2>
      <div className="form-grid">
        <label>
          State
          <select {...form.register('state')}>
            {policyStates.map((s) => (
              <option key={s} value={s}>
                {stateLabels[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Approved alternative
          <select {...form.register('alternativeServiceId')}>
            <option value="">None</option>
            {alternatives.map((s) => (
              <option key={s.serviceId} value={s.serviceId}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          <label>
            Alternative URL (optional)
            <input
              {...form.register('alternativeUrl')}
              type="url"
              placeholder="https://"
              {...textLimits(setServicePolicySchema.shape.alternativeUrl)}
              {...fieldErrorProps('bulk-url-error', errors.alternativeUrl)}
            />
          </label>
          <FieldError id="bulk-url-error" message={errors.alternativeUrl?.message} />
        </div>
        <div className="field wide">
          <label>
            Conditions{state === 'conditional' ? ' (required: staff see them on every visit)' : ' (optional)'}
            <textarea
              {...form.register('conditions')}
              {...textLimits(setServicePolicySchema.shape.conditions)}
              required={state === 'conditional'}
              {...fieldErrorProps('bulk-conditions-error', errors.conditions)}
            />
          </label>
          <FieldError id="bulk-conditions-error" message={errors.conditions?.message} />
        </div>
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
      <ApiErrorAlert error={save.error} />
    </form>
  );
}
