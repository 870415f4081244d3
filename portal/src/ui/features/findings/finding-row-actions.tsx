import { type FindingEvent, findingTransition } from '@sightline/shared/findings/finding-states';
import type { FindingView } from '@sightline/shared/findings/findings-api';
import { toApiClientError } from '@sightline/shared/http/api-client-error';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../lib/api';
import type { Me } from '../../lib/session';
import { allFindingsKey } from './finding-queries';

type Props = { finding: FindingView; me: Me };

const eventLabels: Record<FindingEvent, string> = {
  start_remediation: 'Start remediation',
  resolve: 'Resolve (the fix holds)',
  accept_risk: 'Accept the risk',
  reopen: 'Reopen',
};

/** Who may cause which change (the server enforces the same): approvers accept risks, reviewers the rest. */
const allowedEvents = (me: Me): FindingEvent[] => {
  if (me.role === 'admin') return ['start_remediation', 'resolve', 'accept_risk', 'reopen'];
  if (me.role === 'reviewer') return ['start_remediation', 'resolve', 'reopen'];
  if (me.role === 'approver') return ['accept_risk'];
  return [];
};

/** Owner, due date, the ask of the vendor, status changes and sending it to the vendor. */
export function FindingRowActions({ finding, me }: Props) {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const done = () => {
    setError(null);
    return client.invalidateQueries({ queryKey: allFindingsKey });
  };
  const onError = (e: unknown) => setError(toApiClientError(e, 'The server did not answer').message);
  const update = useMutation({
    mutationFn: (json: { ownerId?: string | null; dueOn?: string | null; requestedAction?: string | null }) =>
      unwrap(api.api.findings[':id'].$patch({ param: { id: finding.id }, json })),
    onSuccess: done,
    onError,
  });
  const move = useMutation({
    mutationFn: (json: { event: FindingEvent; note?: string }) =>
      unwrap(api.api.findings[':id'].transition.$post({ param: { id: finding.id }, json })),
    onSuccess: done,
    onError,
  });
  const send = useMutation({
    mutationFn: () => unwrap(api.api.findings[':id']['send-to-vendor'].$post({ param: { id: finding.id } })),
    onSuccess: done,
    onError,
  });
  const canEdit = ['admin', 'reviewer', 'procurement'].includes(me.role);
  const events = allowedEvents(me).filter((e) => findingTransition(finding.status, e).ok);
  const onPlan = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const dueOn = String(data.get('dueOn') ?? '');
    const requestedAction = String(data.get('requestedAction') ?? '').trim();
    update.mutate({ dueOn: dueOn || null, requestedAction: requestedAction || null });
  };
  const onMove = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const note = String(data.get('note') ?? '').trim();
    move.mutate({ event: String(data.get('event')) as FindingEvent, ...(note ? { note } : {}) });
  };
  if (!canEdit && events.length === 0) return null;
  return (
    <details className="finding-actions">
      <summary>
        Manage<span className="visually-hidden"> “{finding.title}”</span>
      </summary>
      {canEdit && (
        <>
          {finding.ownerId !== me.id && (
            <button
              type="button"
              className="link-button"
              disabled={update.isPending}
              onClick={() => update.mutate({ ownerId: me.id })}
            >
              Take ownership
            </button>
          )}
          <form onSubmit={onPlan} className="stacked-form">
            <label>
              Due
              <input name="dueOn" type="date" defaultValue={finding.dueOn ?? ''} />
            </label>
            <label>
              What the vendor must provide or change
              <textarea
                name="requestedAction"
                rows={2}
                maxLength={4000}
                defaultValue={finding.requestedAction ?? ''}
              />
            </label>
            <button type="submit" className="secondary" disabled={update.isPending}>
              Save
            </button>
          </form>
        </>
      )}
      {events.length > 0 && (
        <form onSubmit={onMove} className="stacked-form">
          <label>
            Change status
            <select name="event" defaultValue={events[0]}>
              {events.map((e) => (
                <option key={e} value={e}>
                  {eventLabels[e]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Note (required to accept a risk)
            <textarea name="note" rows={2} maxLength={2000} />
          </label>
          <button type="submit" className="secondary" disabled={move.isPending}>
            Apply
          </button>
        </form>
      )}
      {['admin', 'reviewer'].includes(me.role) && finding.questionId && !finding.sentToVendorAt && (
        <button type="button" className="secondary" disabled={send.isPending} onClick={() => send.mutate()}>
          Send to the vendor as a change request
        </button>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </details>
  );
}
