import { answerText } from '@sightline/shared/questionnaire/answer-text';
import type { Question, Template } from '@sightline/shared/questionnaire/template-schema';
import type { BreakdownItem, ScoreResult } from '@sightline/shared/scoring/score-result-schema';
import { Fragment } from 'react';
import type { AssessmentDetail } from '../assessment-queries';
import { FlagFindingButton } from './flag-finding-button';
import { NonAnswerNote } from './non-answer-note';
import { OverrideControls } from './override-controls';
import { asPercent, evidenceStateLabels } from './score-labels';

type Props = {
  detail: AssessmentDetail;
  score: ScoreResult;
  /** Review actions (override, flag) are offered while reviewers hold the questionnaire. */
  reviewing: boolean;
  flaggedQuestionIds: ReadonlySet<string>;
};

const answerStateLabels: Record<BreakdownItem['answerState'], string> = {
  answered: '',
  not_applicable: 'Not applicable',
  unanswered: 'No answer',
  invalid: 'Answer no longer valid',
};

/**
 * Every question with what it counted for: the answer, its evidence, the points it earned (after
 * the evidence factor or a reviewer's override), its weight and the residual-risk points it adds.
 * Sorted by section as asked; the biggest contributors are easy to spot by their figures.
 */
export function ScoreBreakdown({ detail, score, reviewing, flaggedQuestionIds }: Props) {
  const template = detail.questions as unknown as Template;
  const questions = new Map<string, Question>(
    template.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)),
  );
  const answers = new Map(detail.answers.map((a) => [a.questionId, a]));
  const bySection = new Map<string, BreakdownItem[]>();
  for (const item of score.breakdown) {
    const list = bySection.get(item.sectionId) ?? [];
    list.push(item);
    bySection.set(item.sectionId, list);
  }
  return (
    <table className="breakdown-table">
      <caption>Per-question breakdown</caption>
      <thead>
        <tr>
          <th scope="col">Question</th>
          <th scope="col">Answer</th>
          <th scope="col">Evidence</th>
          <th scope="col" className="num">
            Points
          </th>
          <th scope="col" className="num">
            Weight
          </th>
          <th
            scope="col"
            className="num"
            title="Residual-risk points this question adds to the overall score"
          >
            Adds to risk
          </th>
          <th scope="col">Override</th>
        </tr>
      </thead>
      <tbody>
        {template.sections
          .filter((s) => bySection.has(s.id))
          .map((section) => (
            <Fragment key={section.id}>
              <tr className="section-row">
                <th scope="rowgroup" colSpan={7}>
                  {section.title}
                  {score.residual.bySection[section.id] !== undefined &&
                    score.residual.bySection[section.id] !== null &&
                    ` · residual ${score.residual.bySection[section.id]}`}
                </th>
              </tr>
              {(bySection.get(section.id) ?? []).map((item) => {
                const question = questions.get(item.questionId);
                const answer = answers.get(item.questionId);
                return (
                  <tr key={item.questionId} className={item.scored ? '' : 'unscored'}>
                    <th scope="row" className="question-cell">
                      {question?.text ?? item.questionId}
                      <div className="details">{item.questionId}</div>
                    </th>
                    <td>
                      {item.answerState === 'answered' && question && answer
                        ? answerText(question, answer.value)
                        : answerStateLabels[item.answerState]}
                      {item.nonAnswer && (
                        <NonAnswerNote
                          effect={item.nonAnswer}
                          questionText={(id) => questions.get(id)?.text ?? id}
                        />
                      )}
                    </td>
                    <td>{evidenceStateLabels[item.evidenceState]}</td>
                    <td className="num">{item.scored ? asPercent(item.points) : 'not scored'}</td>
                    <td className="num">{item.weight}</td>
                    <td className="num">{item.scored ? item.contribution.toFixed(1) : '—'}</td>
                    <td>
                      {item.override && (
                        <p className="override-note">
                          {asPercent(item.override.points)} instead of{' '}
                          {asPercent(item.override.computedPoints)} by {item.override.by}: “
                          {item.override.reason}”
                        </p>
                      )}
                      {reviewing && item.weight > 0 && (
                        <OverrideControls
                          assessmentId={detail.assessment.id}
                          questionId={item.questionId}
                          questionText={question?.text ?? item.questionId}
                          overridden={item.override !== undefined}
                        />
                      )}
                      {reviewing && (
                        <FlagFindingButton
                          assessmentId={detail.assessment.id}
                          questionId={item.questionId}
                          flagged={flaggedQuestionIds.has(item.questionId)}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </Fragment>
          ))}
      </tbody>
    </table>
  );
}
