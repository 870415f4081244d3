import { type CatalogEntry, catalogEntrySchema } from '@sightline/shared/catalog/catalog-schema';
import { categoryLabels, serviceCategories } from '@sightline/shared/catalog/categories';
import { enteredServiceIdSchema } from '@sightline/shared/catalog/service-id';
import { z } from 'zod';
import { requestJson } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { textLimits } from '../../lib/schema-limits';
import { FieldError, fieldErrorProps, useZodForm } from '../../lib/zod-form';
import { linesToRules, rulesToLines } from './rule-lines';

export type EntryDraft = Partial<CatalogEntry> & { rules?: CatalogEntry['rules'] };

const { shape } = catalogEntrySchema;

/** The entry's fields as the form holds them: text, with the match rules one per line. */
const formSchema = z.object({
  id: enteredServiceIdSchema,
  name: shape.name,
  vendor: shape.vendor,
  website: z.string().trim().pipe(shape.website),
  category: shape.category,
  rules: z
    .string()
    .transform((text, ctx) => {
      const { rules, errors } = linesToRules(text);
      // Every wrong line at once, each with its number.
      if (errors.length > 0) ctx.addIssue({ code: 'custom', message: errors.join('; ') });
      return rules;
    })
    .pipe(shape.rules),
});
type FormOutput = z.output<typeof formSchema>;

/** Adds or edits an org catalog entry; the same zod schema as the built-in catalog validates it on the server. */
export function CustomEntryForm({
  draft,
  mode,
  onSaved,
  onCancel,
}: {
  draft: EntryDraft;
  mode: 'create' | 'update';
  onSaved: (entry: CatalogEntry) => void | Promise<void>;
  onCancel: () => void;
}) {
  const form = useZodForm(formSchema, {
    defaultValues: {
      id: draft.id ?? '',
      name: draft.name ?? '',
      vendor: draft.vendor ?? '',
      website: draft.website ?? '',
      category: draft.category ?? 'other',
      rules: rulesToLines(draft.rules ?? []),
    },
  });
  const save = useApiMutation({
    mutationFn: (entry: FormOutput) =>
      requestJson<{ entry: CatalogEntry }>(
        mode === 'create' ? '/api/catalog/custom' : `/api/catalog/custom/${encodeURIComponent(entry.id)}`,
        { method: mode === 'create' ? 'POST' : 'PUT', body: JSON.stringify(entry) },
      ),
    failure: 'Could not save the entry',
    onSuccess: (saved) => onSaved(saved.entry),
  });
  const errors = form.formState.errors;

  return (
    <form
      className="card entry-form"
      onSubmit={form.handleSubmit((entry) => save.mutate(entry))}
      aria-label={mode === 'create' ? 'New catalog entry' : 'Edit catalog entry'}
      noValidate
    >
      <h2>{mode === 'create' ? 'New catalog entry' : `Edit ${draft.name ?? draft.id}`}</h2>
      <div className="field">
        <label>
          Id (lower-case letters, digits, - . _; a built-in id overrides that entry)
          <input
            {...form.register('id')}
            required
            readOnly={mode === 'update'}
            {...textLimits(formSchema.shape.id)}
            {...fieldErrorProps('entry-id-error', errors.id)}
          />
        </label>
        <FieldError id="entry-id-error" message={errors.id?.message} />
      </div>
      <div className="field">
        <label>
          Product name
          <input
            {...form.register('name')}
            required
            {...textLimits(shape.name)}
            {...fieldErrorProps('entry-name-error', errors.name)}
          />
        </label>
        <FieldError id="entry-name-error" message={errors.name?.message} />
      </div>
      <div className="field">
        <label>
          Vendor
          <input
            {...form.register('vendor')}
            required
            {...textLimits(shape.vendor)}
            {...fieldErrorProps('entry-vendor-error', errors.vendor)}
          />
        </label>
        <FieldError id="entry-vendor-error" message={errors.vendor?.message} />
      </div>
      <div className="field">
        <label>
          Vendor website
          <input
            {...form.register('website')}
            type="url"
            required
            {...fieldErrorProps('entry-website-error', errors.website)}
          />
        </label>
        <FieldError id="entry-website-error" message={errors.website?.message} />
      </div>
      <label>
        Category
        <select {...form.register('category')}>
          {serviceCategories.map((c) => (
            <option key={c} value={c}>
              {categoryLabels[c]}
            </option>
          ))}
        </select>
      </label>
      <div className="field">
        <label>
          Match rules, one per line (domain:, host:, path:host/prefix, api:, api-suffix:)
          <textarea
            {...form.register('rules')}
            rows={4}
            required
            {...fieldErrorProps('entry-rules-error', errors.rules)}
          />
        </label>
        <FieldError id="entry-rules-error" message={errors.rules?.message} />
      </div>
      <ApiErrorAlert error={save.error} />
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          Save
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
