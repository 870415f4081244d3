import { startReassessmentSchema } from '@sightline/shared/reviews/review-api';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { FieldError, fieldErrorProps, useZodForm } from '../../lib/zod-form';
import { linkHandOverOf } from '../assessments/link-notice';
import { startReassessment } from './review-queries';

const formSchema = z.object({ dueOn: startReassessmentSchema.shape.dueOn });

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Starts the next cycle of a decided assessment: asks only for the due date (the respondent, the use
 * profile and last cycle's answers carry over), sends it, and opens the new assessment.
 */
export function StartReassessmentButton({ assessmentId, label }: { assessmentId: string; label: string }) {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const client = useQueryClient();
  const start = useApiMutation({
    mutationFn: (dueOn: string) => startReassessment(assessmentId, dueOn),
    onSuccess: (result) => {
      client.invalidateQueries({ queryKey: ['reviews'] });
      client.invalidateQueries({ queryKey: ['vendor'] });
      const handOver = linkHandOverOf(result);
      navigate(`/assessments/${result.id}`, { state: handOver ? { handOver } : null });
    },
    failure: 'Could not start the reassessment',
  });
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Start reassessment<span className="visually-hidden"> of {label}</span>
      </button>
    );
  }
  return (
    <DueDateForm
      label={label}
      pending={start.isPending}
      onSend={(dueOn) => start.mutate(dueOn)}
      onCancel={() => setOpen(false)}
      error={start.error}
    />
  );
}

function DueDateForm({
  label,
  pending,
  onSend,
  onCancel,
  error,
}: {
  label: string;
  pending: boolean;
  onSend: (dueOn: string) => void;
  onCancel: () => void;
  error: Parameters<typeof ApiErrorAlert>[0]['error'];
}) {
  const form = useZodForm(formSchema, { defaultValues: { dueOn: inDays(21) } });
  const dueError = form.formState.errors.dueOn;
  return (
    <form
      className="inline-form"
      onSubmit={form.handleSubmit(({ dueOn }) => onSend(dueOn))}
      aria-label={`Start reassessment of ${label}`}
      noValidate
    >
      <div className="field">
        <label>
          Answers due
          <input
            {...form.register('dueOn')}
            type="date"
            required
            min={inDays(0)}
            {...fieldErrorProps('reassessment-due-error', dueError)}
          />
        </label>
        <FieldError id="reassessment-due-error" message={dueError?.message} />
      </div>
      <button type="submit" disabled={pending}>
        Send reassessment
      </button>
      <button type="button" className="link-button" onClick={onCancel}>
        Cancel
      </button>
      <ApiErrorAlert error={error} />
    </form>
  );
}
