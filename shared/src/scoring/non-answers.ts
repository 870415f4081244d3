import { type Answers, answerState } from '../questionnaire/answer-schema';
import { conditionQuestionIds } from '../questionnaire/condition-schema';
import { effectiveOptions, isScorable } from '../questionnaire/question-helpers';
import type { Question, Template } from '../questionnaire/template-schema';
import type { UseContext } from '../questionnaire/use-context';
import { resolveVisibility, type VisibleQuestion } from '../questionnaire/visibility';
import type { NonAnswerEffect } from './score-result-schema';

/**
 * For each visible "not applicable", "we cannot say" or blank answer: what it did to the
 * questionnaire, found by asking the template what it would show had the answer been different.
 * An N/A is compared with a blank (which shows the most); an unknown or a blank with every real
 * answer, so `hid` lists what a definite answer would have shown and this one did not (it should be
 * nothing), and `showed` what appears only because the answer is not definite.
 */
export function nonAnswerEffects(
  template: Template,
  answers: Answers,
  context: UseContext,
  visible: readonly VisibleQuestion<Question>[],
): Map<string, NonAnswerEffect> {
  const effects = new Map<string, NonAnswerEffect>();
  const { controllers, byId } = templateFacts(template);
  const now = new Set(visible.map((v) => v.question.id));
  const shownWith = (questionId: string, value: unknown) =>
    new Set(
      resolveVisibility(
        template,
        { ...answers, [questionId]: value === undefined ? undefined : { value } },
        context,
      ).questions.map((v) => v.question.id),
    );
  for (const { question } of visible) {
    const kind = kindOf(question, answers);
    if (!kind) continue;
    let hid: string[] = [];
    let showed: string[] = [];
    if (controllers.has(question.id)) {
      if (kind === 'not_applicable') {
        hid = [...shownWith(question.id, undefined)].filter((id) => !now.has(id));
      } else {
        const alternatives = definiteAnswers(question).map((value) => shownWith(question.id, value));
        hid = [...new Set(alternatives.flatMap((set) => [...set]))].filter((id) => !now.has(id));
        showed = [...now].filter((id) => alternatives.some((set) => !set.has(id)));
      }
    }
    const removed = [...(kind === 'not_applicable' ? [question.id] : []), ...hid].filter((id) => {
      const q = byId.get(id);
      return q !== undefined && isScorable(q);
    });
    const removedWeight = removed.reduce((sum, id) => sum + (byId.get(id)?.weight ?? 0), 0);
    effects.set(question.id, { kind, hid, showed, removedFromSums: removed, removedWeight });
  }
  return effects;
}

function kindOf(question: Question, answers: Answers): NonAnswerEffect['kind'] | null {
  const state = answerState(question, answers);
  if (state.state === 'not_applicable') return 'not_applicable';
  if (question.type === 'file' || question.type === 'text' || question.type === 'date') return null;
  if (state.state !== 'answered') return 'blank';
  const value = state.answer.value;
  const chosen = Array.isArray(value) ? value : [String(value)];
  return effectiveOptions(question).some((o) => o.unknown && chosen.includes(o.value)) ? 'unknown' : null;
}

/** Each real answer of a choice question: every option alone, and all combinable options at once. */
function definiteAnswers(question: Question): unknown[] {
  const options = effectiveOptions(question).filter((o) => !o.unknown);
  if (question.type !== 'multiple_choice') return options.map((o) => o.value);
  const combinable = options.filter((o) => !o.exclusive).map((o) => o.value);
  return [...options.map((o) => [o.value]), ...(combinable.length > 1 ? [combinable] : [])];
}

type TemplateFacts = { controllers: Set<string>; byId: Map<string, Question> };
/** Templates are immutable once parsed; scoring one many times (a property test) reads these once. */
const factsCache = new WeakMap<Template, TemplateFacts>();

function templateFacts(template: Template): TemplateFacts {
  const cached = factsCache.get(template);
  if (cached) return cached;
  const controllers = new Set<string>();
  const byId = new Map<string, Question>();
  const add = (condition: Parameters<typeof conditionQuestionIds>[0] | undefined) => {
    if (condition) for (const id of conditionQuestionIds(condition)) controllers.add(id);
  };
  for (const section of template.sections) {
    add(section.condition);
    for (const question of section.questions) {
      byId.set(question.id, question);
      add(question.condition);
      for (const option of question.options ?? []) add(option.knockOut?.condition);
    }
  }
  const facts = { controllers, byId };
  factsCache.set(template, facts);
  return facts;
}
