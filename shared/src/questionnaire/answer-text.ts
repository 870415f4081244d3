import { effectiveOptions } from './question-helpers';
import type { Question } from './template-schema';

/** An answer's value in the words of its options (the stored value is the option's code). */
export function answerText(question: Question, value: unknown): string {
  if (value === null || value === undefined) return '';
  const labels = new Map(effectiveOptions(question).map((o) => [o.value, o.label]));
  if (Array.isArray(value)) return value.map((v) => labels.get(String(v)) ?? String(v)).join('; ');
  return labels.get(String(value)) ?? String(value);
}
