import { toApiClientError } from '@sightline/shared/http/api-client-error';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../../lib/api';
import { assessmentKey } from '../assessment-queries';

type Props = { assessmentId: string; questionId: string; questionText: string; overridden: boolean };

/** Replace a question's points with a reason, or withdraw an earlier override; both rescore at once. */
export function OverrideControls({ assessmentId, questionId, questionText, overridden }: Props) {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: assessmentKey(assessmentId) });
  const onError = (e: unknown) => setError(toApiClientError(e, 'The server did not answer').message);
  const save = useMutation({
    mutationFn: (input: { points: number; reason: string }) =>
      unwrap(
        api.api.assessments[':id'].overrides.$post({
          param: { id: assessmentId },
          json: { questionId, ...input },
        }),
      ),
    onSuccess: refresh,
    onError,
  });
  const withdraw = useMutation({
    mutationFn: () =>
      unwrap(
        api.api.assessments[':id'].overrides[':questionId'].$delete({
          param: { id: assessmentId, questionId },
          json: {},
        }),
      ),
    onSuccess: refresh,
    onError,
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setError(null);
    save.mutate(
      { points: Number(data.get('percent')) / 100, reason: String(data.get('reason') ?? '').trim() },
      {
        // Saved: the note beside the item shows it; close and clear the form.
        onSuccess: () => {
          form.reset();
          form.closest('details')?.removeAttribute('open');
        },
      },
    );
  };
  return (
    <div className="override-controls">
      <details>
        <summary>
          {overridden ? 'Change override' : 'Override'}
          <span className="visually-hidden"> the points of “{questionText}”</span>
        </summary>
        <form onSubmit={onSubmit} className="stacked-form">
          <label>
            Points (% of full assurance)
            <input name="percent" type="number" min={0} max={100} step={5} required defaultValue={50} />
          </label>
          <label>
            Reason (kept with the score)
            <textarea name="reason" rows={2} minLength={5} maxLength={2000} required />
          </label>
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
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
