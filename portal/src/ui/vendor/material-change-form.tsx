import type { VendorView } from '@sightline/shared/assessments/vendor-page-api';
import { toApiClientError } from '@sightline/shared/http/api-client-error';
import { type MaterialChangeKind, materialChangeKinds } from '@sightline/shared/reviews/review-enums';
import { type FormEvent, useState } from 'react';
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
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    setBusy(true);
    setMessage(null);
    try {
      await api.declareChange({
        kind: String(f.get('kind')) as MaterialChangeKind,
        description: String(f.get('description') ?? ''),
      });
      form.reset();
      setMessage({ error: false, text: 'Thank you: the change was sent to the organisation.' });
      await onDeclared();
    } catch (e) {
      setMessage({ error: true, text: toApiClientError(e, 'Could not send it.').message });
    } finally {
      setBusy(false);
    }
  };
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
      <form onSubmit={(e) => void onSubmit(e)}>
        <label>
          What changed
          <select name="kind" defaultValue="model_provider">
            {materialChangeKinds.map((k) => (
              <option key={k} value={k}>
                {kindLabels[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Details
          <textarea name="description" rows={3} required maxLength={4000} />
        </label>
        <button type="submit" disabled={busy}>
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
