import { type FindingEvent, findingTransition } from '@sightline/shared/findings/finding-states';
import type { FindingView } from '@sightline/shared/findings/findings-api';
import { useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import type { Me } from '../../lib/session';
import { FindingMoveForm, FindingPlanForm } from './finding-forms';
import { allFindingsKey } from './finding-queries';

type Props = { finding: FindingView; me: Me };

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
  const done = () => client.invalidateQueries({ queryKey: allFindingsKey });
  const update = useApiMutation({
    mutationFn: (ownerId: string) =>
      unwrap(api.api.findings[':id'].$patch({ param: { id: finding.id }, json: { ownerId } })),
    onSuccess: done,
    failure: 'The server did not answer',
  });
  const send = useApiMutation({
    mutationFn: () => unwrap(api.api.findings[':id']['send-to-vendor'].$post({ param: { id: finding.id } })),
    onSuccess: done,
    failure: 'The server did not answer',
  });
  const canEdit = ['admin', 'reviewer', 'procurement'].includes(me.role);
  const events = allowedEvents(me).filter((e) => findingTransition(finding.status, e).ok);
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
              onClick={() => update.mutate(me.id)}
            >
              Take ownership
            </button>
          )}
          <FindingPlanForm finding={finding} onSaved={done} />
        </>
      )}
      {events.length > 0 && (
        // A new status offers other changes: start from the first of them.
        <FindingMoveForm key={finding.status} finding={finding} events={events} onMoved={done} />
      )}
      {['admin', 'reviewer'].includes(me.role) && finding.questionId && !finding.sentToVendorAt && (
        <button type="button" className="secondary" disabled={send.isPending} onClick={() => send.mutate()}>
          Send to the vendor as a change request
        </button>
      )}
      <ApiErrorAlert error={update.error ?? send.error} />
    </details>
  );
}
