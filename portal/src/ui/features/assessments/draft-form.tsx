import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { api, unwrap } from '../../lib/api';
import type { AssessmentDetail } from './assessment-queries';

type Props = { detail: AssessmentDetail; onSaved: () => void; onError: (e: Error) => void };

/** A draft's respondent and due date, editable until it is sent. */
export function DraftForm({ detail, onSaved, onError }: Props) {
  const a = detail.assessment;
  const save = useMutation({
    mutationFn: (json: { respondentName: string; respondentEmail: string; dueOn: string }) =>
      unwrap(api.api.assessments[':id'].$patch({ param: { id: a.id }, json })),
    onSuccess: onSaved,
    onError,
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    save.mutate({
      respondentName: String(f.get('respondentName') ?? '').trim(),
      respondentEmail: String(f.get('respondentEmail') ?? '').trim(),
      dueOn: String(f.get('dueOn') ?? ''),
    });
  };
  return (
    <form className="inline-form" onSubmit={onSubmit} aria-label="Edit the draft">
      <label>
        Respondent name
        <input name="respondentName" defaultValue={a.respondentName} required maxLength={200} />
      </label>
      <label>
        Respondent email
        <input name="respondentEmail" type="email" defaultValue={a.respondentEmail} required />
      </label>
      <label>
        Due date
        <input name="dueOn" type="date" defaultValue={a.dueOn} required />
      </label>
      <button type="submit" className="secondary" disabled={save.isPending}>
        Save draft
      </button>
    </form>
  );
}
