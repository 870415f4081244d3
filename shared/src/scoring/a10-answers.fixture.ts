import type { AnswerInput, Answers } from '../questionnaire/answer-schema';
import { effectiveOptions } from '../questionnaire/question-helpers';
import type { Question, Template } from '../questionnaire/template-schema';
import type { UseContext } from '../questionnaire/use-context';
import { visibleQuestions } from '../questionnaire/visibility';

/** The answer that gives the most assurance, never a knock-out or "we cannot say". */
export function bestAnswer(question: Question): AnswerInput {
  const options = effectiveOptions(question)
    .filter((o) => !o.knockOut && !o.unknown)
    .sort((a, b) => (b.points ?? 0) - (a.points ?? 0));
  const best = options[0]?.value;
  if (question.type === 'multiple_choice') return { value: [best] };
  if (question.type === 'text') return { value: 'Described in our documentation.' };
  if (question.type === 'date') return { value: '2025-03-31' };
  if (question.type === 'number') return { value: 1 };
  return { value: best };
}

/**
 * The best answer to every question the template shows for this use, with verified evidence wherever
 * it is asked for; `given` answers are kept as they are. Walking the template in order answers each
 * question before the ones that depend on it.
 */
export function bestAnswers(
  template: Template,
  context: UseContext,
  given: Answers = {},
): { answers: Record<string, AnswerInput>; evidence: Record<string, { count: number; verified: number }> } {
  const answers: Record<string, AnswerInput> = { ...(given as Record<string, AnswerInput>) };
  const evidence: Record<string, { count: number; verified: number }> = {};
  const ids = template.sections.flatMap((s) => s.questions.map((q) => q.id));
  for (const id of ids) {
    const shown = visibleQuestions(template, answers, context).find((v) => v.question.id === id);
    if (!shown) continue;
    const { question } = shown;
    if (question.evidence?.requested) evidence[id] = { count: 1, verified: 1 };
    if (Object.hasOwn(answers, id) || question.type === 'file') continue;
    answers[id] = bestAnswer(question);
  }
  // Answers given for questions the use does not show are dropped, as a vendor page would never send them.
  const visible = new Set(visibleQuestions(template, answers, context).map((v) => v.question.id));
  for (const id of Object.keys(answers)) if (!visible.has(id)) delete answers[id];
  for (const id of Object.keys(evidence)) if (!visible.has(id)) delete evidence[id];
  return { answers, evidence };
}

export const ids = (template: Template, answers: Answers, context: UseContext) =>
  visibleQuestions(template, answers, context).map((v) => v.question.id);
