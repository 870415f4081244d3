import { importTemplateSchema, templateFormatSchema } from '@sightline/shared/assessments/template-api';
import type { ApiClientError } from '@sightline/shared/http/api-client-error';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { api, unwrap } from '../../lib/api';
import { useApiMutation } from '../../lib/api-mutation';
import { textLimits } from '../../lib/schema-limits';
import { FieldError, fieldErrorProps, useZodForm } from '../../lib/zod-form';

type Problem = { path: string; message: string };

/** The validator's list of problems in a refused template, when the server sent one. */
function problemsOf(error: ApiClientError): Problem[] {
  return Array.isArray(error.details) ? (error.details as Problem[]) : [];
}

/** Paste or pick a JSON or YAML template; every problem the validator finds is listed. */
export function ImportTemplateForm() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useZodForm(importTemplateSchema, { defaultValues: { format: 'yaml', source: '' } });
  const importTemplate = useApiMutation({
    mutationFn: (json: z.output<typeof importTemplateSchema>) =>
      unwrap(api.api.templates.import.$post({ json })),
    onSuccess: (created) => {
      client.invalidateQueries({ queryKey: ['templates'] });
      navigate(`/templates/${created.id}`);
    },
    failure: 'Import failed',
  });
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    form.setValue('source', await file.text(), { shouldValidate: true });
    form.setValue('format', templateFormatSchema.parse(/\.json$/i.test(file.name) ? 'json' : 'yaml'));
  };
  const source = form.watch('source');
  const sourceError = form.formState.errors.source;
  const error = importTemplate.error;
  return (
    <form
      className="card form-grid"
      onSubmit={form.handleSubmit((json) => importTemplate.mutate(json))}
      aria-label="Import a template"
      noValidate
    >
      <h2>Import a template</h2>
      <label>
        From a file
        <input
          type="file"
          accept=".json,.yaml,.yml,application/json,application/yaml"
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </label>
      <label>
        Format
        <select {...form.register('format')}>
          <option value="yaml">YAML</option>
          <option value="json">JSON</option>
        </select>
      </label>
      <div className="field wide">
        <label>
          Template source
          <textarea
            {...form.register('source')}
            rows={10}
            required
            {...textLimits(importTemplateSchema.shape.source)}
            className="mono"
            {...fieldErrorProps('template-source-error', sourceError)}
          />
        </label>
        <FieldError id="template-source-error" message={sourceError?.message} />
      </div>
      <button type="submit" disabled={importTemplate.isPending || source.trim() === ''}>
        Import
      </button>
      <div role="alert" className="wide">
        {error && (
          <>
            <p className="error">{error.message}</p>
            {problemsOf(error).length > 0 && (
              <ul className="error">
                {problemsOf(error).map((p) => (
                  <li key={`${p.path} ${p.message}`}>
                    <code>{p.path || '(root)'}</code>: {p.message}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </form>
  );
}
