import { type OverrideInput, overrideInputSchema } from '@sightline/shared/decisions/decision-api';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { api, unwrap } from '../../../lib/api';
import { ApiErrorAlert } from '../../../lib/api-error-alert';
import { useApiMutation } from '../../../lib/api-mutation';
import { numberText } from '../../../lib/form-fields';
import { intoContract } from '../../../lib/into-contract';
import { numberLimits, textLimits } from '../../../lib/schema-limits';
import { FieldError, fieldErrorProps, useZodForm } from '../../../lib/zod-form';
import { assessmentKey } from '../assessment-queries';

type Props = { assessmentId: string; questionId: string; questionText: string; overridden: boolean };

const contract = overrideInputSchema.omit({ questionId: true });
const { shape } = contract;
/** The contract's points (0 to 1 of full assurance) as the percent people type. */
const percent = numberLimits(shape.points);
const percentLimits = { min: (percent.min ?? 0) * 100, max: (percent.max ?? 1) * 100 };
const formSchema = intoContract(
  z.object({
    points: numberText
      .pipe(z.number().min(percentLimits.min).max(percentLimits.max))
      .transform((p) => p / 100),
    reason: z.string(),
  }),
  contract,
);

/** Replace a question's points with a reason, or withdraw an earlier override; both rescore at once. */
export function OverrideControls({ assessmentId, questionId, questionText, overridden }: Props) {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const form = useZodForm(formSchema, { defaultValues: { points: '50', reason: '' } });
  const refresh = () => client.invalidateQueries({ queryKey: assessmentKey(assessmentId) });
  const save = useApiMutation({
    mutationFn: (input: Omit<OverrideInput, 'questionId'>) =>
      unwrap(
        api.api.assessments[':id'].overrides.$post({
          param: { id: assessmentId },
          json: { questionId, ...input },
        }),
      ),
    // Saved: the note beside the item shows it; close and clear the form.
    onSuccess: () => {
      form.reset();
      setOpen(false);
      return refresh();
    },
    failure: 'The server did not answer',
  });
  const withdraw = useApiMutation({
    mutationFn: () =>
      unwrap(
        api.api.assessments[':id'].overrides[':questionId'].$delete({
          param: { id: assessmentId, questionId },
          json: {},
        }),
      ),
    onSuccess: refresh,
    failure: 'The server did not answer',
  });
  const errors = form.formState.errors;
  const ids = { points: `override-points-${questionId}`, reason: `override-reason-${questionId}` };
  return (
    <div className="override-controls">
      <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>
          {overridden ? 'Change override' : 'Override'}
          <span className="visually-hidden"> the points of “{questionText}”</span>
        </summary>
        <form onSubmit={form.handleSubmit((input) => save.mutate(input))} className="stacked-form" noValidate>
          <label>
            Points (% of full assurance)
            <input
              {...form.register('points')}
              type="number"
              {...percentLimits}
              step={5}
              required
              {...fieldErrorProps(ids.points, errors.points)}
            />
          </label>
          <FieldError id={ids.points} message={errors.points?.message} />
          <label>
            Reason (kept with the score)
            <textarea
              {...form.register('reason')}
              rows={2}
              {...textLimits(shape.reason)}
              required
              {...fieldErrorProps(ids.reason, errors.reason)}
            />
          </label>
          <FieldError id={ids.reason} message={errors.reason?.message} />
          <button type="submit" className="secondary" disabled={save.isPending}>
            Save override
          </button>
        </form>
      </details>
      {overridden && (
        <button
          type="button"
          className="link-button"
          disabled={withdraw.isPending}
          onClick={() => withdraw.mutate()}
        >
          Withdraw override<span className="visually-hidden"> of “{questionText}”</span>
        </button>
      )}
      <ApiErrorAlert error={save.error ?? withdraw.error} />
    </div>
  );
}
