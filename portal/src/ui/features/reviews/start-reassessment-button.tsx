import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useApiMutation } from '../../lib/api-mutation';
import { linkHandOverOf } from '../assessments/link-notice';
import { startReassessment } from './review-queries';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Starts the next cycle of a decided assessment: asks only for the due date (the respondent, the use
 * profile and last cycle's answers carry over), sends it, and opens the new assessment.
 */
export function StartReassessmentButton({ assessmentId, label }: { assessmentId: string; label: string }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
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
    onError: (e) => setError(e.message),
  });
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Start reassessment<span className="visually-hidden"> of {label}</span>
      </button>
    );
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    start.mutate(String(new FormData(event.currentTarget).get('dueOn')));
  };
  return (
    <form className="inline-form" onSubmit={onSubmit} aria-label={`Start reassessment of ${label}`}>
      <label>
        Answers due
        <input name="dueOn" type="date" required defaultValue={inDays(21)} min={inDays(0)} />
      </label>
      <button type="submit" disabled={start.isPending}>
        Send reassessment
      </button>
      <button type="button" className="link-button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
