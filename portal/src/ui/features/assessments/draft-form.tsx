import { updateDraftSchema } from '@sightline/shared/assessments/assessment-api';
import { z } from 'zod';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { intoContract } from '../../lib/into-contract';
import { textLimits } from '../../lib/schema-limits';
import { FieldError, fieldErrorProps, useZodForm } from '../../lib/zod-form';
import type { AssessmentDetail } from './assessment-queries';

type Props = { detail: AssessmentDetail; onSaved: () => void };

const { shape } = updateDraftSchema;
const formSchema = intoContract(
  z.object({ respondentName: z.string(), respondentEmail: z.string(), dueOn: z.string() }),
  updateDraftSchema,
);

/** A draft's respondent and due date, editable until it is sent. */
export function DraftForm({ detail, onSaved }: Props) {
  const a = detail.assessment;
  const form = useZodForm(formSchema, {
    defaultValues: { respondentName: a.respondentName, respondentEmail: a.respondentEmail, dueOn: a.dueOn },
  });
  const save = useApiMutation({
    mutationFn: (json: z.output<typeof formSchema>) =>
      unwrap(api.api.assessments[':id'].$patch({ param: { id: a.id }, json })),
    onSuccess: onSaved,
    failure: 'That did not work',
  });
  const errors = form.formState.errors;
  return (
    <form
      className="inline-form"
      onSubmit={form.handleSubmit((json) => save.mutate(json))}
      aria-label="Edit the draft"
      noValidate
    >
      <div className="field">
        <label>
          Respondent name
          <input
            {...form.register('respondentName')}
            required
            {...textLimits(shape.respondentName)}
            {...fieldErrorProps('draft-name-error', errors.respondentName)}
          />
        </label>
        <FieldError id="draft-name-error" message={errors.respondentName?.message} />
      </div>
      <div className="field">
        <label>
          Respondent email
          <input
            {...form.register('respondentEmail')}
            type="email"
            required
            {...textLimits(shape.respondentEmail)}
            {...fieldErrorProps('draft-email-error', errors.respondentEmail)}
          />
        </label>
        <FieldError id="draft-email-error" message={errors.respondentEmail?.message} />
      </div>
      <div className="field">
        <label>
          Due date
          <input
            {...form.register('dueOn')}
            type="date"
            required
            {...fieldErrorProps('draft-due-error', errors.dueOn)}
          />
        </label>
        <FieldError id="draft-due-error" message={errors.dueOn?.message} />
      </div>
      <button type="submit" className="secondary" disabled={save.isPending}>
        Save draft
      </button>
      <ApiErrorAlert error={save.error} />
    </form>
  );
}
