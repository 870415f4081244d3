import type { Template } from '@sightline/shared/questionnaire/template-schema';
import { conditionSentence } from '@sightline/shared/scoring/approval-conditions';
import { inherentFactorLabels } from '@sightline/shared/scoring/inherent-risk';
import { type ScoreResult, scoreResultSchema } from '@sightline/shared/scoring/score-result-schema';
import { useQuery } from '@tanstack/react-query';
import { fetchFindings, findingsKey } from '../findings/finding-queries';
import type { AssessmentDetail } from './assessment-queries';
import { ScoreBreakdown } from './score/score-breakdown';
import { inherentSourceLabels, recommendationLabels } from './score/score-labels';
import { SectionChart } from './score/section-chart';

type Props = { detail: AssessmentDetail; canReview: boolean };

/**
 * What a reviewer and an approver read before deciding: knock-outs first, then the recommendation
 * with its reasons, inherent against residual risk, the sections as a chart, and every question's
 * contribution, with overrides and findings raised from the breakdown.
 */
export function AssessmentScore({ detail, canReview }: Props) {
  const assessmentId = detail.assessment.id;
  const findings = useQuery({
    queryKey: findingsKey({ assessmentId }),
    queryFn: () => fetchFindings({ assessmentId }),
  });
  const parsed = scoreResultSchema.safeParse(detail.assessment.scoreResult);
  if (!parsed.success) return null;
  const score = parsed.data;
  const template = detail.questions as unknown as Template;
  const sectionTitles = new Map(template.sections.map((s) => [s.id, s.title]));
  const questionText = new Map(template.sections.flatMap((s) => s.questions.map((q) => [q.id, q.text])));
  const reviewing = canReview && ['submitted', 'under_review'].includes(detail.assessment.state);
  const flagged = new Set(
    (findings.data ?? []).filter((f) => f.questionId !== null).map((f) => f.questionId as string),
  );
  return (
    <section className="card score-view" aria-labelledby="score-heading">
      <h2 id="score-heading">Score</h2>
      {score.knockOuts.length > 0 && (
        <div className="knock-outs" role="alert">
          <h3>
            {score.knockOuts.length} knock-out{score.knockOuts.length === 1 ? '' : 's'}: these fail the vendor
            whatever the score
          </h3>
          <ul>
            {score.knockOuts.map((k) => (
              <li key={k.questionId}>
                <a href={`#answer-${k.questionId}`}>{questionText.get(k.questionId) ?? k.questionId}</a>{' '}
                {k.unanswered ? (
                  <strong>left unanswered (counts as the knock-out until answered)</strong>
                ) : (
                  <>
                    answered <strong>“{k.answerLabel}”</strong>
                  </>
                )}
                : {k.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="recommendation">
        <p>
          Recommendation:{' '}
          <strong className={`badge rec-${score.recommendation}`} data-testid="recommendation">
            {recommendationLabels[score.recommendation]}
          </strong>
        </p>
        {score.reasons.length > 0 && (
          <ul>
            {score.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
      </div>
      {score.conditions && score.conditions.length > 0 && (
        <div className="approval-conditions">
          <h3>What falls short, and what would fix it</h3>
          <ol>
            {score.conditions.map((c) => (
              <li key={c.questionId}>{conditionSentence(c)}</li>
            ))}
          </ol>
        </div>
      )}
      <RiskComparison score={score} />
      <SectionChart score={score} sectionTitles={sectionTitles} />
      <ScoreBreakdown detail={detail} score={score} reviewing={reviewing} flaggedQuestionIds={flagged} />
      <p className="details">
        Scored by {score.algorithmVersion} on template {score.template.key} v{score.template.version},{' '}
        {detail.assessment.scoredAt ? new Date(detail.assessment.scoredAt).toLocaleString() : ''}
      </p>
    </section>
  );
}

/** Inherent risk (from our use) beside residual risk (what the vendor's answers leave). */
function RiskComparison({ score }: { score: ScoreResult }) {
  return (
    <div className="risk-comparison">
      <div>
        <h3>Inherent risk</h3>
        <p className="risk-figure">
          {score.inherent.score}
          <span className={`badge ${score.inherent.tier}`}>{score.inherent.tier}</span>
        </p>
        <meter min={0} max={100} value={score.inherent.score} aria-label="Inherent risk" />
        <ul className="details">
          {score.inherent.factors.map((f) => (
            <li key={f.factor}>
              {inherentFactorLabels[f.factor]}: {f.value} (+{f.points}, from {inherentSourceLabels[f.source]})
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3>Residual risk</h3>
        <p className="risk-figure">
          {score.residual.overall === null ? 'nothing scorable' : score.residual.overall}
          {score.residualTier && <span className={`badge ${score.residualTier}`}>{score.residualTier}</span>}
        </p>
        {score.residual.overall !== null && (
          <meter min={0} max={100} value={score.residual.overall} aria-label="Residual risk" />
        )}
        <p className="details">
          What the vendor's answers and evidence leave uncovered: 0 is full assurance. Tiers start at{' '}
          {score.thresholds.medium} (medium), {score.thresholds.high} (high) and {score.thresholds.critical}{' '}
          (critical).
        </p>
      </div>
    </div>
  );
}
