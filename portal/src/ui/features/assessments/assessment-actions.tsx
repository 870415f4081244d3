import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { RequestChangesForm, ResendForm, RevokeForm } from './assessment-action-forms';
import { type AssessmentDetail, assessmentKey } from './assessment-queries';
import { DraftForm } from './draft-form';
import { type LinkHandOver, linkHandOverOf } from './link-notice';

type Props = {
  detail: AssessmentDetail;
  canSend: boolean;
  canReview: boolean;
  onHandOver: (handOver: LinkHandOver | null) => void;
};

const open = ['sent', 'in_progress', 'changes_requested'];
const revocable = ['draft', 'sent', 'in_progress', 'submitted', 'changes_requested', 'under_review'];

/** The buttons each role may press in the current state; the server checks the same rules. */
export function AssessmentActions({ detail, canSend, canReview, onHandOver }: Props) {
  const client = useQueryClient();
  const id = detail.assessment.id;
  const state = detail.assessment.state;
  const [done, setDone] = useState<string | null>(null);
  const onDone = (text: string, result: object) => {
    setDone(text);
    onHandOver(linkHandOverOf(result));
    client.invalidateQueries({ queryKey: assessmentKey(id) });
    client.invalidateQueries({ queryKey: ['assessments'] });
  };

  const send = useApiMutation({
    mutationFn: () => unwrap(api.api.assessments[':id'].send.$post({ param: { id } })),
    onSuccess: (result) => onDone('Sent.', result),
    failure: 'That did not work',
  });
  const startReview = useApiMutation({
    mutationFn: () => unwrap(api.api.assessments[':id']['start-review'].$post({ param: { id } })),
    onSuccess: (result) => onDone('In review.', result),
    failure: 'That did not work',
  });
  const openComments = detail.comments.filter((c) => !c.resolvedAt).length;

  return (
    <div className="card actions-card">
      <h2>Actions</h2>
      {canSend && state === 'draft' && (
        <>
          <DraftForm detail={detail} onSaved={() => onDone('Draft saved.', {})} />
          <button type="button" onClick={() => send.mutate()} disabled={send.isPending}>
            Send to {detail.assessment.respondentEmail}
          </button>
        </>
      )}
      {canSend && (open.includes(state) || state === 'expired') && (
        <ResendForm assessmentId={id} onDone={onDone} expired={state === 'expired'} />
      )}
      {canReview && state === 'submitted' && (
        <button type="button" onClick={() => startReview.mutate()} disabled={startReview.isPending}>
          Start review
        </button>
      )}
      {canReview && (state === 'submitted' || state === 'under_review') && (
        <RequestChangesForm assessmentId={id} onDone={onDone} openComments={openComments} />
      )}
      {canSend && revocable.includes(state) && <RevokeForm assessmentId={id} onDone={onDone} />}
      <ApiErrorAlert error={send.error ?? startReview.error} />
      {done && (
        <p role="status" className="ok">
          {done}
        </p>
      )}
    </div>
  );
}
