import type { VendorView } from '@sightline/shared/assessments/vendor-page-api';
import { toApiClientError } from '@sightline/shared/http/api-client-error';
import {
  type DeclareMaterialChangeInput,
  declareMaterialChangeSchema,
} from '@sightline/shared/reviews/review-api';
import { type MaterialChangeKind, materialChangeKinds } from '@sightline/shared/reviews/review-enums';
import { useState } from 'react';
import { textLimits } from '../lib/schema-limits';
import { FieldError, fieldErrorProps, useZodForm } from '../lib/zod-form';
import type { VendorApi } from './vendor-api';

const kindLabels: Record<MaterialChangeKind, string> = {
  model_provider: 'A new model provider',
  region: 'A new region where data is processed or stored',
  training_practice: 'A change in how customer data is used for training',
  other: 'Another material change',
};

type Props = { api: VendorApi; changes: VendorView['materialChanges']; onDeclared: () => Promise<void> };

/** Lets the vendor tell the organisation of a material change at any time the link works. */
export function MaterialChangeForm({ api, changes, onDeclared }: Props) {
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const form = useZodForm(declareMaterialChangeSchema, {
    defaultValues: { kind: 'model_provider', description: '' },
  });
  const declare = async (input: DeclareMaterialChangeInput) => {
    setMessage(null);
    try {
      await api.declareChange(input);
      form.reset();
      setMessage({ error: false, text: 'Thank you: the change was sent to the organisation.' });
      await onDeclared();
    } catch (e) {
      setMessage({ error: true, text: toApiClientError(e, 'Could not send it.').message });
    }
  };
  const detailsError = form.formState.errors.description;
  return (
    <section className="material-changes" aria-labelledby="changes-title">
      <h2 id="changes-title">Tell us about a material change</h2>
      <p>
        If something important about your service changes (a new model provider, a new region, how you use
        customer data for training), tell us here. It may bring the next review forward.
      </p>
      {changes && changes.length > 0 && (
        <ul>
          {changes.map((c) => (
            <li key={c.declaredAt}>
              {c.declaredAt.slice(0, 10)}: {kindLabels[c.kind]}. {c.description}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={form.handleSubmit(declare)} noValidate>
        <label>
          What changed
          <select {...form.register('kind')}>
            {materialChangeKinds.map((k) => (
              <option key={k} value={k}>
                {kindLabels[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Details
          <textarea
            {...form.register('description')}
            rows={3}
            required
            {...textLimits(declareMaterialChangeSchema.shape.description)}
            {...fieldErrorProps('change-details-error', detailsError)}
          />
        </label>
        <FieldError id="change-details-error" message={detailsError?.message} />
        <button type="submit" disabled={form.formState.isSubmitting}>
          Send the change
        </button>
        {message && (
          <p role={message.error ? 'alert' : 'status'} className={message.error ? 'field-error' : 'ok'}>
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
