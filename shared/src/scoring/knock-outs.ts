import type { Answers } from '../questionnaire/answer-schema';
import { answerState } from '../questionnaire/answer-schema';
import { holds } from '../questionnaire/condition-schema';
import { effectiveOptions } from '../questionnaire/question-helpers';
import type { Question } from '../questionnaire/template-schema';
import type { Visibility } from '../questionnaire/visibility';
import type { KnockOut } from './score-result-schema';

/**
 * Knock-outs stand on the vendor's answer, whatever a reviewer overrides: to clear one, the
 * reviewer asks the vendor to change the answer, which leaves a record of why it changed.
 *
 * A knock-out with a condition applies only where it holds (unknown counts as holding). Silence is
 * not assurance: a visible question that can knock out, left blank, invalid or answered "we cannot
 * say", counts as its (first) knock-out until it is answered, so saying less never beats saying no.
 */
export function findKnockOuts(visibility: Visibility<Question>, answers: Answers): KnockOut[] {
  const found: KnockOut[] = [];
  for (const { sectionId, question } of visibility.questions) {
    const options = effectiveOptions(question);
    const applicable = options.filter(
      (o) => o.knockOut && (!o.knockOut.condition || holds(visibility.evaluate(o.knockOut.condition))),
    );
    const first = applicable[0];
    if (!first?.knockOut) continue;
    const state = answerState(question, answers);
    if (state.state === 'not_applicable') continue;
    const value = state.state === 'answered' ? state.answer.value : undefined;
    const chosen = value === undefined ? [] : Array.isArray(value) ? value : [String(value)];
    const saidUnknown = options.find((o) => o.unknown && chosen.includes(o.value));
    if (chosen.length === 0 || saidUnknown) {
      found.push({
        questionId: question.id,
        sectionId,
        answer: saidUnknown?.value ?? '',
        answerLabel: saidUnknown?.label ?? 'No answer',
        reason: `Until it is answered, this counts as a knock-out: ${first.knockOut.reason}`,
        unanswered: true,
      });
      continue;
    }
    for (const option of applicable) {
      if (!option.knockOut || !chosen.includes(option.value)) continue;
      found.push({
        questionId: question.id,
        sectionId,
        answer: option.value,
        answerLabel: option.label,
        reason: option.knockOut.reason,
      });
    }
  }
  return found;
}
