import { type AnswerableQuestion, type Answers, validateAnswer } from './answer-schema';
import {
  type Condition,
  type ConditionInputs,
  evaluateCondition,
  holds,
  type LeafSubject,
  type Truth,
} from './condition-schema';
import { lookup } from './lookup';
import type { InherentFactor } from './profile-vocabulary';
import { contextFieldState, mirroredContextField, type UseContext } from './use-context';

/** The part of a template visibility needs; the full and the public template both fit. */
export type VisibilityQuestion = AnswerableQuestion & {
  condition?: Condition | undefined;
  /** Full template only: a profile question mirroring a use-context field (see evaluateCondition). */
  inherentFactor?: InherentFactor | undefined;
};
export type VisibilityTemplate<Q extends VisibilityQuestion> = {
  sections: readonly { id: string; condition?: Condition | undefined; questions: readonly Q[] }[];
};

export type VisibleQuestion<Q> = { sectionId: string; question: Q };

export type Visibility<Q> = {
  sections: ReadonlyMap<string, boolean>;
  questions: VisibleQuestion<Q>[];
  /** Evaluates another condition (a knock-out's, say) against the same answers and use context. */
  evaluate: (condition: Condition) => Truth;
};

/**
 * Walks the template in order. Only answers of questions already found visible feed later
 * conditions, so hiding a question also hides whatever depended on its (now ignored) answer; a
 * blank or "we cannot say" answer shows what the riskier answer would.
 *
 * `context` is the organisation's use context. Without it, every condition on the use context counts
 * as unknown and shows its questions, so a caller that does not pass it sees more, never less.
 */
export function resolveVisibility<Q extends VisibilityQuestion>(
  template: VisibilityTemplate<Q>,
  answers: Answers,
  context?: UseContext,
): Visibility<Q> {
  const subjects = new Map<string, LeafSubject>();
  const mirrored = new Map<string, NonNullable<(typeof mirroredContextField)[InherentFactor]>>();
  for (const section of template.sections) {
    for (const question of section.questions) {
      const field = question.inherentFactor && mirroredContextField[question.inherentFactor];
      if (field) mirrored.set(question.id, field);
    }
  }
  const inputs: ConditionInputs = {
    answer: (questionId) => subjects.get(questionId) ?? { kind: 'absent' },
    context: (field) => contextFieldState(context, field),
    mirroredField: (questionId) => mirrored.get(questionId),
  };
  const shown = (condition: Condition | undefined) =>
    !condition || holds(evaluateCondition(condition, inputs));
  const sections = new Map<string, boolean>();
  const questions: VisibleQuestion<Q>[] = [];
  for (const section of template.sections) {
    const sectionVisible = shown(section.condition);
    sections.set(section.id, sectionVisible);
    if (!sectionVisible) continue;
    for (const question of section.questions) {
      if (!shown(question.condition)) continue;
      questions.push({ sectionId: section.id, question });
      subjects.set(question.id, subjectOf(question, answers));
    }
  }
  return { sections, questions, evaluate: (condition) => evaluateCondition(condition, inputs) };
}

/** How a visible question's answer reads in conditions. */
export function subjectOf(question: AnswerableQuestion, answers: Answers): LeafSubject {
  const input = lookup(answers, question.id);
  if (input === undefined) return { kind: 'unknown' };
  const result = validateAnswer(question, input);
  if (!result.ok) return { kind: 'unknown' };
  if (result.answer.notApplicable) return { kind: 'absent' };
  const value = result.answer.value;
  if (value === undefined) return { kind: 'unknown' };
  const values = Array.isArray(value) ? value : [String(value)];
  const unknown = question.options?.some((o) => o.unknown && values.includes(o.value));
  return unknown ? { kind: 'unknown' } : { kind: 'values', values };
}

export function visibleQuestions<Q extends VisibilityQuestion>(
  template: VisibilityTemplate<Q>,
  answers: Answers,
  context?: UseContext,
): VisibleQuestion<Q>[] {
  return resolveVisibility(template, answers, context).questions;
}

/** False for a section the template does not have. */
export function isSectionVisible<Q extends VisibilityQuestion>(
  template: VisibilityTemplate<Q>,
  sectionId: string,
  answers: Answers,
  context?: UseContext,
): boolean {
  return resolveVisibility(template, answers, context).sections.get(sectionId) ?? false;
}
