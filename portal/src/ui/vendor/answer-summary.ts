import type { AnswerInput } from '@sightline/shared/questionnaire/answer-schema';
import type { PublicQuestion } from '@sightline/shared/questionnaire/public-view';

/** An answer in words, as a person would read it back: option labels, not their stored values. */
export function summariseAnswer(question: PublicQuestion, answer: AnswerInput | null | undefined): string {
  if (!answer) return 'no answer';
  const parts: string[] = [];
  if (answer.notApplicable) parts.push('Not applicable');
  const label = (value: unknown) => question.options?.find((o) => o.value === value)?.label ?? String(value);
  const { value } = answer;
  if (Array.isArray(value) && value.length > 0) parts.push(value.map(label).join(', '));
  else if (value !== null && value !== undefined && value !== '' && !Array.isArray(value))
    parts.push(label(value));
  if (answer.comment) parts.push(`comment: ${answer.comment}`);
  return parts.length > 0 ? parts.join('; ') : 'no answer';
}
