import {
  type DecisionOutcome,
  decisionOutcomes,
  riskTiers,
} from '@sightline/shared/assessments/assessment-states';
import type { DecisionInput } from '@sightline/shared/decisions/decision-api';
import { approvalConditionsText } from '@sightline/shared/scoring/approval-conditions';
import type { ScoreResult } from '@sightline/shared/scoring/score-result-schema';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { api, unwrap } from '../../lib/api';
import { useApiMutation } from '../../lib/api-mutation';
import { assessmentKey } from '../assessments/assessment-queries';
import { allFindingsKey, fetchFindings, findingsKey } from '../findings/finding-queries';
import { outcomeEffects, outcomeLabels } from './decision-labels';
import { decisionKey } from './decision-queries';

type Props = { assessmentId: string; score: ScoreResult | null };

const suggested = (score: ScoreResult | null): DecisionOutcome | undefined =>
  score && score.recommendation !== 'escalate' ? score.recommendation : undefined;

/**
 * The approver's decision as a modal form: outcome, conditions, reason, and the vendor's tier (the
 * scored residual tier unless the approver documents why not). Open findings are listed up front,
 * because the server refuses an approval while any is open.
 */
export function DecisionDialog({ assessmentId, score }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const client = useQueryClient();
  const [outcome, setOutcome] = useState<DecisionOutcome | undefined>(suggested(score));
  const [tier, setTier] = useState<string>(score?.residualTier ?? '');
  const [error, setError] = useState<string | null>(null);
  const blocking = useQuery({
    queryKey: findingsKey({ assessmentId, status: 'blocking' }),
    queryFn: () => fetchFindings({ assessmentId, status: 'blocking' }),
  });
  const decide = useApiMutation({
    mutationFn: (input: DecisionInput) =>
      unwrap(api.api.assessments[':id'].decision.$post({ param: { id: assessmentId }, json: input })),
    onSuccess: async () => {
      dialog.current?.close();
      await Promise.all([
        client.invalidateQueries({ queryKey: assessmentKey(assessmentId) }),
        client.invalidateQueries({ queryKey: decisionKey(assessmentId) }),
        client.invalidateQueries({ queryKey: allFindingsKey }),
      ]);
    },
    failure: 'The server did not answer',
    onError: (e) => setError(e.message),
  });
  const open = blocking.data ?? [];
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!outcome) return;
    const data = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = String(data.get(name) ?? '').trim();
      return value === '' ? undefined : value;
    };
    const adjusted = score?.residualTier && tier && tier !== score.residualTier;
    setError(null);
    decide.mutate({
      outcome,
      reason: text('reason') ?? '',
      ...(outcome === 'approve_with_conditions' ? { conditions: text('conditions') ?? '' } : {}),
      ...(adjusted ? { tier: tier as DecisionInput['tier'], tierReason: text('tierReason') ?? '' } : {}),
    });
  };
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()}>
        Record the decision…
      </button>
      <dialog ref={dialog} aria-labelledby="decision-title" className="decision-dialog">
        <form onSubmit={onSubmit} className="form-grid">
          <h2 id="decision-title">Decision</h2>
          {score && (
            <p className="info">
              Sightline recommends <strong>{score.recommendation.replaceAll('_', ' ')}</strong>
              {score.residualTier ? ` (residual risk ${score.residual.overall}, ${score.residualTier})` : ''}.
            </p>
          )}
          {open.length > 0 && (
            <div className="notice-box" role="status">
              <p>
                {open.length} finding{open.length === 1 ? ' is' : 's are'} still open. An approval is refused
                until each is resolved or its risk accepted; rejecting is always possible.
              </p>
              <ul>
                {open.map((f) => (
                  <li key={f.id}>{f.title}</li>
                ))}
              </ul>
            </div>
          )}
          <fieldset>
            <legend>Outcome</legend>
            {decisionOutcomes.map((o) => (
              <label key={o} className="radio">
                <input
                  type="radio"
                  name="outcome"
                  value={o}
                  checked={outcome === o}
                  onChange={() => setOutcome(o)}
                  required
                />
                <span>
                  {outcomeLabels[o]} <span className="details">{outcomeEffects[o]}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {outcome === 'approve_with_conditions' && (
            <label>
              Conditions staff must follow (shown to them in the browser)
              <textarea
                name="conditions"
                rows={5}
                minLength={3}
                maxLength={4000}
                required
                defaultValue={approvalConditionsText(score?.conditions ?? [])}
              />
            </label>
          )}
          <label>
            Reason (kept in the record, and shown word for word to the employees who asked for access)
            <textarea name="reason" rows={3} minLength={5} maxLength={4000} required />
          </label>
          <label>
            Vendor's risk tier
            <select value={tier} onChange={(e) => setTier(e.target.value)}>
              {riskTiers.map((t) => (
                <option key={t} value={t}>
                  {t}
                  {t === score?.residualTier ? ' (scored)' : ''}
                </option>
              ))}
            </select>
          </label>
          {score?.residualTier && tier !== score.residualTier && (
            <label>
              Why the tier differs from the score
              <textarea name="tierReason" rows={2} minLength={5} maxLength={2000} required />
            </label>
          )}
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <div className="button-row">
            <button type="submit" disabled={decide.isPending || !outcome}>
              Record decision
            </button>
            <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
