import { toApiClientError } from '@sightline/shared/http/api-client-error';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../lib/api';
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
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const done = (text: string) => (result: object) => {
    setMessage({ error: false, text });
    onHandOver(linkHandOverOf(result));
    client.invalidateQueries({ queryKey: assessmentKey(id) });
    client.invalidateQueries({ queryKey: ['assessments'] });
  };
  const failed = (e: Error) =>
    setMessage({ error: true, text: toApiClientError(e, 'That did not work').message });

  const send = useMutation({
    mutationFn: () => unwrap(api.api.assessments[':id'].send.$post({ param: { id } })),
    onSuccess: done('Sent.'),
    onError: failed,
  });
  const resend = useMutation({
    mutationFn: (json: { dueOn?: string; respondentName?: string; respondentEmail?: string }) =>
      unwrap(api.api.assessments[':id'].resend.$post({ param: { id }, json })),
    onSuccess: done('A new link was sent; the previous one no longer works.'),
    onError: failed,
  });
  const revoke = useMutation({
    mutationFn: (reason?: string) =>
      unwrap(api.api.assessments[':id'].revoke.$post({ param: { id }, json: reason ? { reason } : {} })),
    onSuccess: done('Revoked. Every link to this questionnaire now answers that it was withdrawn.'),
    onError: failed,
  });
  const requestChanges = useMutation({
    mutationFn: (json: { message?: string; dueOn?: string }) =>
      unwrap(api.api.assessments[':id']['request-changes'].$post({ param: { id }, json })),
    onSuccess: done('Sent back to the vendor with your comments.'),
    onError: failed,
  });
  const startReview = useMutation({
    mutationFn: () => unwrap(api.api.assessments[':id']['start-review'].$post({ param: { id } })),
    onSuccess: done('In review.'),
    onError: failed,
  });

  const onResend = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    resend.mutate({
      ...(text('dueOn') ? { dueOn: text('dueOn') } : {}),
      ...(text('respondentName') ? { respondentName: text('respondentName') } : {}),
      ...(text('respondentEmail') ? { respondentEmail: text('respondentEmail') } : {}),
    });
  };
  const onRevoke = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!window.confirm('Revoke this questionnaire? The vendor can no longer open it.')) return;
    revoke.mutate(String(new FormData(e.currentTarget).get('reason') ?? '').trim() || undefined);
  };
  const onRequestChanges = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = String(f.get('message') ?? '').trim();
    const dueOn = String(f.get('dueOn') ?? '');
    requestChanges.mutate({ ...(text ? { message: text } : {}), ...(dueOn ? { dueOn } : {}) });
  };
  const openComments = detail.comments.filter((c) => !c.resolvedAt).length;

  return (
    <div className="card actions-card">
      <h2>Actions</h2>
      {canSend && state === 'draft' && (
        <>
          <DraftForm detail={detail} onSaved={() => done('Draft saved.')({})} onError={failed} />
          <button type="button" onClick={() => send.mutate()} disabled={send.isPending}>
            Send to {detail.assessment.respondentEmail}
          </button>
        </>
      )}
      {canSend && (open.includes(state) || state === 'expired') && (
        <form className="inline-form" onSubmit={onResend} aria-label="Resend the link">
          <label>
            {state === 'expired' ? 'New due date (required)' : 'New due date (optional)'}
            <input name="dueOn" type="date" required={state === 'expired'} />
          </label>
          <details>
            <summary>Send to someone else</summary>
            <label>
              New respondent name
              <input name="respondentName" maxLength={200} />
            </label>
            <label>
              New respondent email
              <input name="respondentEmail" type="email" />
            </label>
          </details>
          <button type="submit" className="secondary" disabled={resend.isPending}>
            {state === 'expired' ? 'Reopen and send a new link' : 'Resend a new link'}
          </button>
        </form>
      )}
      {canReview && state === 'submitted' && (
        <button type="button" onClick={() => startReview.mutate()} disabled={startReview.isPending}>
          Start review
        </button>
      )}
      {canReview && (state === 'submitted' || state === 'under_review') && (
        <form className="inline-form" onSubmit={onRequestChanges} aria-label="Request changes">
          <label>
            Message to the vendor (optional)
            <input name="message" maxLength={4000} />
          </label>
          <label>
            New due date (optional)
            <input name="dueOn" type="date" />
          </label>
          <button
            type="submit"
            className="secondary"
            disabled={requestChanges.isPending || openComments === 0}
          >
            Request changes ({openComments} comment{openComments === 1 ? '' : 's'})
          </button>
        </form>
      )}
      {canSend && revocable.includes(state) && (
        <form className="inline-form" onSubmit={onRevoke} aria-label="Revoke">
          <label>
            Reason (optional)
            <input name="reason" maxLength={1000} />
          </label>
          <button type="submit" className="danger" disabled={revoke.isPending}>
            Revoke
          </button>
        </form>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'ok'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
