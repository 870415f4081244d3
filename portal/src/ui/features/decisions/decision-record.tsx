import { Link } from 'react-router';
import { outcomeLabels } from './decision-labels';
import type { Decision } from './decision-queries';

/** The recorded decision: immutable, so it is shown as a record, not a form. */
export function DecisionRecord({ decision }: { decision: Decision }) {
  return (
    <div className="card decision-record" data-testid="decision-record">
      <h2>Decision</h2>
      <dl className="facts">
        <dt>Outcome</dt>
        <dd>
          <strong className={`badge outcome-${decision.outcome}`}>{outcomeLabels[decision.outcome]}</strong>
        </dd>
        {decision.conditions && (
          <>
            <dt>Conditions</dt>
            <dd className="prewrap">{decision.conditions}</dd>
          </>
        )}
        <dt>Reason</dt>
        <dd className="prewrap">{decision.reason}</dd>
        <dt>Decided</dt>
        <dd>
          {decision.decidedBy ?? 'former staff'}, {new Date(decision.decidedAt).toLocaleString()}
        </dd>
        <dt>Vendor's tier</dt>
        <dd>
          {decision.tier ?? '—'}
          {decision.tierReason &&
            ` (scored ${decision.residualTier ?? 'n/a'}; adjusted: ${decision.tierReason})`}
        </dd>
        <dt>Next review</dt>
        <dd>{decision.nextReviewOn ?? '—'}</dd>
        {decision.policyState && (
          <>
            <dt>Service policy</dt>
            <dd>
              {decision.serviceId}: {decision.policyState}
            </dd>
          </>
        )}
        {decision.aiSystemId && (
          <>
            <dt>Inventory</dt>
            <dd>
              <Link to={`/inventory/${decision.aiSystemId}`}>AI system record</Link>
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
