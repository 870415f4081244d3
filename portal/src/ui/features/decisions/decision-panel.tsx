import { scoreResultSchema } from '@sightline/shared/scoring/score-result-schema';
import { useQuery } from '@tanstack/react-query';
import type { AssessmentDetail } from '../assessments/assessment-queries';
import { DecisionDialog } from './decision-dialog';
import { decisionKey, fetchDecision } from './decision-queries';
import { DecisionRecord } from './decision-record';

type Props = { detail: AssessmentDetail; canDecide: boolean };

/** The decision once recorded; before that, the way to record it for approvers. */
export function DecisionPanel({ detail, canDecide }: Props) {
  const id = detail.assessment.id;
  const decision = useQuery({ queryKey: decisionKey(id), queryFn: () => fetchDecision(id) });
  if (decision.data) return <DecisionRecord decision={decision.data} />;
  const state = detail.assessment.state;
  if (!canDecide || !['submitted', 'under_review'].includes(state)) return null;
  const score = scoreResultSchema.safeParse(detail.assessment.scoreResult);
  return (
    <div className="card">
      <h2>Decision</h2>
      {state === 'submitted' ? (
        <p className="info">A reviewer takes the questionnaire into review first; then it can be decided.</p>
      ) : (
        <DecisionDialog assessmentId={id} score={score.success ? score.data : null} />
      )}
    </div>
  );
}
