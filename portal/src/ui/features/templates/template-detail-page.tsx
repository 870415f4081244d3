import { cloneTemplateSchema } from '@sightline/shared/assessments/template-api';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { textOrUndefined } from '../../lib/form-fields';
import { intoContract } from '../../lib/into-contract';
import { textLimits } from '../../lib/schema-limits';
import { hasRole, useMe } from '../../lib/session';
import { FieldError, fieldErrorProps, useZodForm } from '../../lib/zod-form';

export function TemplateDetailPage() {
  const { id = '' } = useParams();
  const canWrite = hasRole(useMe().data, ['admin', 'procurement']);
  const template = useQuery({
    queryKey: ['template', id],
    queryFn: () => unwrap(api.api.templates[':id'].$get({ param: { id } })),
  });
  if (template.isPending) return <p className="loading">Loading…</p>;
  if (template.error)
    return (
      <p role="alert" className="error">
        {template.error.message}
      </p>
    );
  const t = template.data;
  const def = t.definition;
  const questionCount = def.sections.reduce((n, s) => n + s.questions.length, 0);
  return (
    <section>
      <p>
        <Link to="/templates">← Templates</Link>
      </p>
      <h1>
        {t.title} <span className="badge">v{t.version}</span>
      </h1>
      <p>{def.description}</p>
      <p className="info">
        <code>{t.key}</code> · {def.sections.length} sections · {questionCount} questions ·{' '}
        <a href={`/api/templates/${t.id}/export?format=json`} download>
          Export JSON
        </a>{' '}
        ·{' '}
        <a href={`/api/templates/${t.id}/export?format=yaml`} download>
          Export YAML
        </a>
      </p>
      {canWrite && <CloneForm id={t.id} title={t.title} />}
      {def.sections.map((s) => (
        <table key={s.id}>
          <caption>
            {s.title}
            {s.condition && <span className="info"> (shown only when: {conditionText(s.condition)})</span>}
          </caption>
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">Type</th>
              <th scope="col">Weight</th>
              <th scope="col">Tags</th>
            </tr>
          </thead>
          <tbody>
            {s.questions.map((q) => (
              <tr key={q.id}>
                <td>
                  {q.text}
                  {q.required && <span className="error"> *</span>}
                  <div className="details">
                    <code>{q.id}</code>
                    {q.condition && <> · when {conditionText(q.condition)}</>}
                    {q.options?.some((o) => o.knockOut) && <> · has knock-out answers</>}
                  </div>
                </td>
                <td>
                  {q.type.replace('_', ' ')}
                  {q.evidence?.requested && <div className="details">evidence requested</div>}
                </td>
                <td>{q.weight}</td>
                <td className="details">
                  {Object.entries(q.tags)
                    .map(([framework, items]) => `${framework}: ${(items as string[]).join(', ')}`)
                    .join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}

function conditionText(condition: unknown): string {
  return JSON.stringify(condition)
    .replace(/["{}[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const { shape: cloneShape } = cloneTemplateSchema;
const cloneFormSchema = intoContract(
  z.object({ title: textOrUndefined, key: textOrUndefined }),
  cloneTemplateSchema,
);

function CloneForm({ id, title }: { id: string; title: string }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useZodForm(cloneFormSchema, { defaultValues: { title, key: '' } });
  const clone = useApiMutation({
    mutationFn: (json: z.output<typeof cloneFormSchema>) =>
      unwrap(api.api.templates[':id'].clone.$post({ param: { id }, json })),
    onSuccess: (created) => {
      client.invalidateQueries({ queryKey: ['templates'] });
      navigate(`/templates/${created.id}`);
    },
    failure: 'Could not clone',
  });
  const errors = form.formState.errors;
  return (
    <form
      className="card inline-form"
      onSubmit={form.handleSubmit((json) => clone.mutate(json))}
      aria-label="Clone to a new version"
      noValidate
    >
      <h2>Clone to a new version</h2>
      <div className="field">
        <label>
          Title
          <input
            {...form.register('title')}
            {...textLimits(cloneShape.title)}
            {...fieldErrorProps('clone-title-error', errors.title)}
          />
        </label>
        <FieldError id="clone-title-error" message={errors.title?.message} />
      </div>
      <div className="field">
        <label>
          New key (leave empty for the next version of this one)
          <input
            {...form.register('key')}
            {...textLimits(cloneShape.key)}
            {...fieldErrorProps('clone-key-error', errors.key)}
          />
        </label>
        <FieldError id="clone-key-error" message={errors.key?.message} />
      </div>
      <button type="submit" disabled={clone.isPending}>
        Clone
      </button>
      <ApiErrorAlert error={clone.error} />
    </form>
  );
}
