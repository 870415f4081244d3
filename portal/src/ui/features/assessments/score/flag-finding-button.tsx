import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../../lib/api';
import { useApiMutation } from '../../../lib/api-mutation';
import { allFindingsKey } from '../../findings/finding-queries';

type Props = { assessmentId: string; questionId: string; flagged: boolean };

/** One click turns a question into a finding; owner, due date and the ask are set on the finding. */
export function FlagFindingButton({ assessmentId, questionId, flagged }: Props) {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const flag = useApiMutation({
    mutationFn: () =>
      unwrap(
        api.api.assessments[':id'].findings.$post({ param: { id: assessmentId }, json: { questionId } }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: allFindingsKey }),
    failure: 'The server did not answer',
    onError: (e) => setError(e.message),
  });
  if (flagged) return <span className="badge high">finding raised</span>;
  return (
    <>
      <button type="button" className="link-button" disabled={flag.isPending} onClick={() => flag.mutate()}>
        Flag as finding<span className="visually-hidden"> ({questionId})</span>
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}
