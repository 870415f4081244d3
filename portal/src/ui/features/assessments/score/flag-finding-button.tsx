import { useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { ApiErrorAlert } from '../../../lib/api-error-alert';
import { useApiMutation } from '../../../lib/api-mutation';
import { allFindingsKey } from '../../findings/finding-queries';

type Props = { assessmentId: string; questionId: string; flagged: boolean };

/** One click turns a question into a finding; owner, due date and the ask are set on the finding. */
export function FlagFindingButton({ assessmentId, questionId, flagged }: Props) {
  const client = useQueryClient();
  const flag = useApiMutation({
    mutationFn: () =>
      unwrap(
        api.api.assessments[':id'].findings.$post({ param: { id: assessmentId }, json: { questionId } }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: allFindingsKey }),
    failure: 'The server did not answer',
  });
  if (flagged) return <span className="badge high">finding raised</span>;
  return (
    <>
      <button type="button" className="link-button" disabled={flag.isPending} onClick={() => flag.mutate()}>
        Flag as finding<span className="visually-hidden"> ({questionId})</span>
      </button>
      <ApiErrorAlert error={flag.error} />
    </>
  );
}
