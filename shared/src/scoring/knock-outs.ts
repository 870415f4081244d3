import type { Answers } from '../questionnaire/answer-schema';
import { answerState } from '../questionnaire/answer-schema';
import { effectiveOptions } from '../questionnaire/question-helpers';
import type { Question } from '../questionnaire/template-schema';
import type { VisibleQuestion } from '../questionnaire/visibility';
import type { KnockOut } from './score-result-schema';

/**
 * Knock-outs stand on the vendor's answer, whatever a reviewer overrides: to clear one, the
 * reviewer asks the vendor to change the answer, which leaves a record of why it changed.
 */
export function findKnockOuts(visible: readonly VisibleQuestion<Question>[], answers: Answers): KnockOut[] {
  const found: KnockOut[] = [];
  for (const { sectionId, question } of visible) {
    const state = answerState(question, answers);
    if (state.state !== 'answered') continue;
    const value = state.answer.value;
    const chosen = Array.isArray(value) ? value : [value];
    for (const option of effectiveOptions(question)) {
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
