import { setServicePolicySchema } from '@sightline/shared/extension-api/staff-admin';
import { type PolicyState, policyStates } from '@sightline/shared/policy/policy-states';
import { z } from 'zod';
import { textOrNull } from '../../lib/form-fields';
import { intoContract } from '../../lib/into-contract';
import { textLimits } from '../../lib/schema-limits';
import { FieldError, fieldErrorProps, useZodForm } from '../../lib/zod-form';

type Service = {
  serviceId: string;
  name: string;
  vendor: string;
  state: PolicyState;
  conditions: string | null;
  alternativeServiceId: string | null;
  alternativeUrl: string | null;
  note: string | null;
};

const { shape } = setServicePolicySchema;

/**
 * A policy as a form holds it (here and in the discovery page's bulk form): text, empty meaning none,
 * checked by the contract (conditions required when conditional).
 */
export const policyFields = {
  state: shape.state,
  conditions: textOrNull,
  alternativeServiceId: textOrNull,
  alternativeUrl: textOrNull,
};
const formSchema = intoContract(z.object({ ...policyFields, note: textOrNull }), setServicePolicySchema);
export type PolicyFormOutput = z.output<typeof formSchema>;

type Props = {
  current: Service;
  /** Every service, for the choice of an approved alternative. */
  all: readonly Service[];
  stateLabels: Record<PolicyState, string>;
  saving: boolean;
  onSave: (body: PolicyFormOutput) => void;
  onCancel: () => void;
};

/** One service's decision: state, conditions shown to staff, an approved alternative, a note. */
export function PolicyForm({ current, all, stateLabels, saving, onSave, onCancel }: Props) {
  const form = useZodForm(formSchema, {
    defaultValues: {
      state: current.state,
      conditions: current.conditions ?? '',
      alternativeServiceId: current.alternativeServiceId ?? '',
      alternativeUrl: current.alternativeUrl ?? '',
      note: current.note ?? '',
    },
  });
  const errors = form.formState.errors;
  const alternatives = all
    .filter(
      (s) =>
        s.state === 'approved' || s.state === 'conditional' || s.serviceId === current.alternativeServiceId,
    )
    .filter((s) => s.serviceId !== current.serviceId);

  return (
    <form
      className="card"
      onSubmit={form.handleSubmit(onSave)}
      aria-label={`Policy for ${current.name}`}
      noValidate
    >
      <h2>
        {current.name} <span className="muted">({current.vendor})</span>
      </h2>
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
        Conditions (required for “approved with conditions”; shown to staff in the banner)
        <textarea
          {...form.register('conditions')}
          {...textLimits(shape.conditions)}
          {...fieldErrorProps('policy-conditions-error', errors.conditions)}
        />
      </label>
      <FieldError id="policy-conditions-error" message={errors.conditions?.message} />
      <label>
        Approved alternative (catalog service)
        <select {...form.register('alternativeServiceId')}>
          <option value="">None</option>
          {alternatives.map((s) => (
            <option key={s.serviceId} value={s.serviceId}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Alternative URL (optional; defaults to the alternative's website)
        <input
          {...form.register('alternativeUrl')}
          type="url"
          {...textLimits(shape.alternativeUrl)}
          {...fieldErrorProps('policy-url-error', errors.alternativeUrl)}
        />
      </label>
      <FieldError id="policy-url-error" message={errors.alternativeUrl?.message} />
      <label>
        Internal note
        <input
          {...form.register('note')}
          {...textLimits(shape.note)}
          {...fieldErrorProps('policy-note-error', errors.note)}
        />
      </label>
      <FieldError id="policy-note-error" message={errors.note?.message} />
      <div className="form-actions">
        <button type="submit" disabled={saving}>
          Save policy
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
