import type { CatalogEntry } from '@sightline/shared/catalog/catalog-schema';
import {
  categoryLabels,
  type ServiceCategory,
  serviceCategories,
} from '@sightline/shared/catalog/categories';
import { toApiClientError } from '@sightline/shared/http/api-client-error';
import { type FormEvent, useState } from 'react';
import { requestJson } from '../../lib/api';
import { linesToRules, rulesToLines } from './rule-lines';

export type EntryDraft = Partial<CatalogEntry> & { rules?: CatalogEntry['rules'] };

/** Adds or edits an org catalog entry; the same zod schema as the built-in catalog validates it on the server. */
export function CustomEntryForm({
  draft,
  mode,
  onSaved,
  onCancel,
}: {
  draft: EntryDraft;
  mode: 'create' | 'update';
  onSaved: (entry: CatalogEntry) => void;
  onCancel: () => void;
}) {
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const { rules, errors } = linesToRules(String(form.get('rules')));
    if (errors.length > 0) {
      setError(errors.join('; '));
      return;
    }
    const entry = {
      id: String(form.get('id')).trim(),
      name: String(form.get('name')).trim(),
      vendor: String(form.get('vendor')).trim(),
      website: String(form.get('website')).trim(),
      category: String(form.get('category')) as ServiceCategory,
      rules,
    };
    try {
      const path =
        mode === 'create' ? '/api/catalog/custom' : `/api/catalog/custom/${encodeURIComponent(entry.id)}`;
      const saved = await requestJson<{ entry: CatalogEntry }>(path, {
        method: mode === 'create' ? 'POST' : 'PUT',
        body: JSON.stringify(entry),
      });
      onSaved(saved.entry);
    } catch (err) {
      setError(toApiClientError(err, 'Could not save the entry').message);
    }
  };

  return (
    <form
      className="card entry-form"
      onSubmit={onSubmit}
      aria-label={mode === 'create' ? 'New catalog entry' : 'Edit catalog entry'}
    >
      <h2>{mode === 'create' ? 'New catalog entry' : `Edit ${draft.name ?? draft.id}`}</h2>
      <label>
        Id (lower-case letters, digits, - . _; a built-in id overrides that entry)
        <input
          name="id"
          defaultValue={draft.id}
          required
          readOnly={mode === 'update'}
          pattern="[a-z0-9][a-z0-9._\-]*"
          maxLength={120}
        />
      </label>
      <label>
        Product name
        <input name="name" defaultValue={draft.name} required maxLength={100} />
      </label>
      <label>
        Vendor
        <input name="vendor" defaultValue={draft.vendor} required maxLength={100} />
      </label>
      <label>
        Vendor website
        <input name="website" type="url" defaultValue={draft.website} required />
      </label>
      <label>
        Category
        <select name="category" defaultValue={draft.category ?? 'other'}>
          {serviceCategories.map((c) => (
            <option key={c} value={c}>
              {categoryLabels[c]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Match rules, one per line (domain:, host:, path:host/prefix, api:, api-suffix:)
        <textarea name="rules" rows={4} defaultValue={rulesToLines(draft.rules ?? [])} required />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit">Save</button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
