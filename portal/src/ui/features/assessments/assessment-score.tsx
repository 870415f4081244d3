import { type ScoreResult, scoreResultSchema } from '@sightline/shared/scoring/score-result-schema';
import type { AssessmentDetail } from './assessment-queries';

const recommendationLabels: Record<ScoreResult['recommendation'], string> = {
  approve: 'Approve',
  approve_with_conditions: 'Approve with conditions',
  escalate: 'Escalate',
  reject: 'Reject',
};

/** The stored score's headline: what the decision step will start from. */
export function AssessmentScore({ detail }: { detail: AssessmentDetail }) {
  const parsed = scoreResultSchema.safeParse(detail.assessment.scoreResult);
  if (!parsed.success) return null;
  const score = parsed.data;
  return (
    <div className="card">
      <h2>Score</h2>
      <dl className="facts">
        <dt>Recommendation</dt>
        <dd>
          <strong>{recommendationLabels[score.recommendation]}</strong>
        </dd>
        <dt>Residual risk</dt>
        <dd>
          {score.residual.overall === null ? 'nothing scorable' : `${score.residual.overall} / 100`}
          {score.residualTier && <span className={`badge ${score.residualTier}`}> {score.residualTier}</span>}
        </dd>
        <dt>Inherent risk</dt>
        <dd>
          {score.inherent.score} <span className={`badge ${score.inherent.tier}`}>{score.inherent.tier}</span>
        </dd>
        <dt>Knock-outs</dt>
        <dd>
          {score.knockOuts.length === 0
            ? 'none'
            : score.knockOuts.map((k) => (
                <div key={k.questionId}>
                  {k.questionId}: “{k.answerLabel}”, {k.reason}
                </div>
              ))}
        </dd>
      </dl>
      {score.reasons.length > 0 && (
        <ul>
          {score.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      <p className="details">
        {score.algorithmVersion}, scored{' '}
        {detail.assessment.scoredAt ? new Date(detail.assessment.scoredAt).toLocaleString() : ''}
      </p>
    </div>
  );
}
