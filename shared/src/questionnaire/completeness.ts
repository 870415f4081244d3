import { type AnswerableQuestion, type Answers, answerState } from './answer-schema';
import type { EvidenceByQuestion } from './evidence-summary';
import type { UseContext } from './use-context';
import { type VisibilityQuestion, type VisibilityTemplate, visibleQuestions } from './visibility';

export type MissingProblem = 'unanswered' | 'invalid' | 'file_missing';
export type MissingItem = { questionId: string; sectionId: string; problem: MissingProblem; detail?: string };

type CompletenessQuestion = VisibilityQuestion & AnswerableQuestion & { required: boolean };

/**
 * What blocks a submit: visible required questions without a usable answer. Hidden questions never
 * block, so a vendor is not asked to justify sections their profile switched off.
 */
export function missingRequired<Q extends CompletenessQuestion>(
  template: VisibilityTemplate<Q>,
  answers: Answers,
  evidenceByQuestion: EvidenceByQuestion = {},
  context?: UseContext,
): MissingItem[] {
  const missing: MissingItem[] = [];
  for (const { sectionId, question } of visibleQuestions(template, answers, context)) {
    if (!question.required) continue;
    const state = answerState(question, answers, evidenceByQuestion);
    if (state.state === 'answered' || state.state === 'not_applicable') continue;
    if (state.state === 'invalid') {
      missing.push({ questionId: question.id, sectionId, problem: 'invalid', detail: state.error });
    } else {
      const problem = question.type === 'file' ? 'file_missing' : 'unanswered';
      missing.push({ questionId: question.id, sectionId, problem });
    }
  }
  return missing;
}

export type Progress = { answered: number; total: number; requiredAnswered: number; requiredTotal: number };

/** Counts visible questions only, so the bar moves as the profile shortens or lengthens the list. */
export function progress<Q extends CompletenessQuestion>(
  template: VisibilityTemplate<Q>,
  answers: Answers,
  evidenceByQuestion: EvidenceByQuestion = {},
  context?: UseContext,
): Progress {
  const result: Progress = { answered: 0, total: 0, requiredAnswered: 0, requiredTotal: 0 };
  for (const { question } of visibleQuestions(template, answers, context)) {
    const state = answerState(question, answers, evidenceByQuestion).state;
    const done = state === 'answered' || state === 'not_applicable';
    result.total += 1;
    if (done) result.answered += 1;
    if (question.required) {
      result.requiredTotal += 1;
      if (done) result.requiredAnswered += 1;
    }
  }
  return result;
}
