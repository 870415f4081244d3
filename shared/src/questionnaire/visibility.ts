import { type AnswerableQuestion, type Answers, type AnswerValue, validateAnswer } from './answer-schema';
import { type Condition, evaluateCondition } from './condition-schema';
import { lookup } from './lookup';

/** The part of a template visibility needs; the full and the public template both fit. */
export type VisibilityQuestion = AnswerableQuestion & { condition?: Condition | undefined };
export type VisibilityTemplate<Q extends VisibilityQuestion> = {
  sections: readonly { id: string; condition?: Condition | undefined; questions: readonly Q[] }[];
};

export type VisibleQuestion<Q> = { sectionId: string; question: Q };

export type Visibility<Q> = {
  sections: ReadonlyMap<string, boolean>;
  questions: VisibleQuestion<Q>[];
};

/**
 * Walks the template in order. Only answers of questions already found visible feed later
 * conditions, so hiding a question also hides whatever depended on its (now ignored) answer.
 */
export function resolveVisibility<Q extends VisibilityQuestion>(
  template: VisibilityTemplate<Q>,
  answers: Answers,
): Visibility<Q> {
  const values = new Map<string, AnswerValue>();
  const answerOf = (questionId: string) => values.get(questionId);
  const sections = new Map<string, boolean>();
  const questions: VisibleQuestion<Q>[] = [];
  for (const section of template.sections) {
    const sectionVisible = !section.condition || evaluateCondition(section.condition, answerOf);
    sections.set(section.id, sectionVisible);
    if (!sectionVisible) continue;
    for (const question of section.questions) {
      if (question.condition && !evaluateCondition(question.condition, answerOf)) continue;
      questions.push({ sectionId: section.id, question });
      const input = lookup(answers, question.id);
      if (input === undefined) continue;
      const result = validateAnswer(question, input);
      if (result.ok && result.answer.value !== undefined) values.set(question.id, result.answer.value);
    }
  }
  return { sections, questions };
}

export function visibleQuestions<Q extends VisibilityQuestion>(
  template: VisibilityTemplate<Q>,
  answers: Answers,
): VisibleQuestion<Q>[] {
  return resolveVisibility(template, answers).questions;
}

/** False for a section the template does not have. */
export function isSectionVisible<Q extends VisibilityQuestion>(
  template: VisibilityTemplate<Q>,
  sectionId: string,
  answers: Answers,
): boolean {
  return resolveVisibility(template, answers).sections.get(sectionId) ?? false;
}
