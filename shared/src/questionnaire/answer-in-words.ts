import { type Answers, answerState } from './answer-schema';
import type { EvidenceByQuestion } from './evidence-summary';
import { lookup } from './lookup';
import { effectiveOptions } from './question-helpers';
import type { Question } from './template-schema';

/**
 * The vendor's answer as a person reads it: option labels rather than stored values. Findings keep
 * it as it stood when they were raised, so a later change of answer does not rewrite the record.
 * Null when there is no usable answer.
 */
export function answerInWords(
  question: Question,
  answers: Answers,
  evidence: EvidenceByQuestion = {},
): string | null {
  const state = answerState(question, answers, evidence);
  if (state.state === 'not_applicable') return 'Not applicable';
  if (state.state !== 'answered') return null;
  if (question.type === 'file') {
    const count = lookup(evidence, question.id)?.count ?? 0;
    return `${count} file${count === 1 ? '' : 's'} uploaded`;
  }
  const value = state.answer.value;
  if (value === undefined) return null;
  const options = effectiveOptions(question);
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label ?? v;
  if (Array.isArray(value)) return value.map(labelOf).join('; ');
  if (typeof value === 'number') return String(value);
  return options.length > 0 ? labelOf(value) : value;
}
