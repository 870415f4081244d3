import {
  type DecisionOutcome,
  decisionOutcomes,
  type RiskTier,
  riskTierSchema,
  riskTiers,
} from '@sightline/shared/assessments/assessment-states';
import { type DecisionInput, decisionInputSchema } from '@sightline/shared/decisions/decision-api';
import { approvalConditionsText } from '@sightline/shared/scoring/approval-conditions';
import type { ScoreResult } from '@sightline/shared/scoring/score-result-schema';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { z } from 'zod';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { textOrUndefined } from '../../lib/form-fields';
import { intoContract } from '../../lib/into-contract';
import { textLimits } from '../../lib/schema-limits';
import { FieldError, fieldErrorProps, useZodForm } from '../../lib/zod-form';
import { assessmentKey } from '../assessments/assessment-queries';
import { allFindingsKey, fetchFindings, findingsKey } from '../findings/finding-queries';
import { outcomeEffects, outcomeLabels } from './decision-labels';
import { decisionKey } from './decision-queries';

type Props = { assessmentId: string; score: ScoreResult | null };

const suggested = (score: ScoreResult | null): DecisionOutcome | undefined =>
  score && score.recommendation !== 'escalate' ? score.recommendation : undefined;

const { shape } = decisionInputSchema;

/**
 * The dialog's fields into the contract: conditions only with an approval with conditions, and the
 * tier (with its reason) only when it differs from the scored one.
 */
function decisionFormSchema(scoredTier: RiskTier | null | undefined) {
  return intoContract(
    z
      .object({
        outcome: shape.outcome,
        // Absent while hidden (the form unregisters them), so a hidden field never blocks the decision.
        conditions: textOrUndefined.optional(),
        reason: z.string(),
        tier: riskTierSchema,
        tierReason: textOrUndefined.optional(),
      })
      .transform(({ outcome, conditions, reason, tier, tierReason }) => ({
        outcome,
        reason,
        ...(outcome === 'approve_with_conditions' ? { conditions } : {}),
        ...(scoredTier && tier !== scoredTier ? { tier, tierReason: tierReason ?? '' } : {}),
      })),
    decisionInputSchema,
  );
}

/**
 * The approver's decision as a modal form: outcome, conditions, reason, and the vendor's tier (the
 * scored residual tier unless the approver documents why not). Open findings are listed up front,
 * because the server refuses an approval while any is open.
 */
export function DecisionDialog({ assessmentId, score }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const client = useQueryClient();
  const scoredTier = score?.residualTier;
  const formSchema = useMemo(() => decisionFormSchema(scoredTier), [scoredTier]);
  const form = useZodForm(formSchema, {
    shouldUnregister: true,
    defaultValues: {
      outcome: suggested(score),
      conditions: approvalConditionsText(score?.conditions ?? []),
      reason: '',
      tier: scoredTier ?? riskTiers[0],
      tierReason: '',
    },
  });
  const outcome = form.watch('outcome');
  const tier = form.watch('tier');
  const errors = form.formState.errors;
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
  });
  const open = blocking.data ?? [];
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()}>
        Record the decision…
      </button>
      <dialog ref={dialog} aria-labelledby="decision-title" className="decision-dialog">
        <form onSubmit={form.handleSubmit((input) => decide.mutate(input))} className="form-grid" noValidate>
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
                <input type="radio" {...form.register('outcome')} value={o} required />
                <span>
                  {outcomeLabels[o]} <span className="details">{outcomeEffects[o]}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {outcome === 'approve_with_conditions' && (
            <div className="field">
              <label>
                Conditions staff must follow (shown to them in the browser)
                <textarea
                  {...form.register('conditions')}
                  rows={5}
                  {...textLimits(shape.conditions)}
                  required
                  {...fieldErrorProps('decision-conditions-error', errors.conditions)}
                />
              </label>
              <FieldError id="decision-conditions-error" message={errors.conditions?.message} />
            </div>
          )}
          <div className="field">
            <label>
              Reason (kept in the record, and shown word for word to the employees who asked for access)
              <textarea
                {...form.register('reason')}
                rows={3}
                {...textLimits(shape.reason)}
                required
                {...fieldErrorProps('decision-reason-error', errors.reason)}
              />
            </label>
            <FieldError id="decision-reason-error" message={errors.reason?.message} />
          </div>
          <label>
            Vendor's risk tier
            <select {...form.register('tier')}>
              {riskTiers.map((t) => (
                <option key={t} value={t}>
                  {t}
                  {t === score?.residualTier ? ' (scored)' : ''}
                </option>
              ))}
            </select>
          </label>
          {scoredTier && tier !== scoredTier && (
            <div className="field">
              <label>
                Why the tier differs from the score
                <textarea
                  {...form.register('tierReason')}
                  rows={2}
                  {...textLimits(shape.tierReason)}
                  required
                  {...fieldErrorProps('decision-tier-reason-error', errors.tierReason)}
                />
              </label>
              <FieldError id="decision-tier-reason-error" message={errors.tierReason?.message} />
            </div>
          )}
          <ApiErrorAlert error={decide.error} />
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
