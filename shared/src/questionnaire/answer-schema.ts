import { z } from 'zod';
import type { EvidenceByQuestion } from './evidence-summary';
import { lookup } from './lookup';
import type { QuestionType } from './template-schema';

export const MAX_TEXT_ANSWER_CHARS = 10_000;
export const MAX_COMMENT_CHARS = 4_000;

/**
 * An answer as stored and as sent by the vendor page. `value` is shaped by the question type and
 * checked by `validateAnswer`; a null value means "cleared". File questions carry no value: their
 * evidence files are stored separately.
 */
export const answerInputSchema = z.strictObject({
  value: z.unknown().optional(),
  notApplicable: z.boolean().optional(),
  comment: z
    .string()
    .max(MAX_COMMENT_CHARS, `a comment is at most ${MAX_COMMENT_CHARS} characters`)
    .nullable()
    .optional(),
});
export type AnswerInput = z.infer<typeof answerInputSchema>;
export type Answers = Readonly<Record<string, AnswerInput | undefined>>;

export type AnswerValue = string | string[] | number;
/** A validated, normalised answer: no value means unanswered (unless marked not applicable). */
export type Answer = { value?: AnswerValue; notApplicable?: true; comment?: string };

/** What validation needs of a question; both the full and the public template satisfy it. */
export type AnswerableQuestion = {
  id: string;
  type: QuestionType;
  allowNotApplicable: boolean;
  allowComment?: boolean | undefined;
  /** `unknown`: the option means "we cannot say"; conditions treat it as an unknown answer. */
  options?:
    | readonly { value: string; exclusive?: boolean | undefined; unknown?: boolean | undefined }[]
    | undefined;
  numberRange?:
    | { min?: number | undefined; max?: number | undefined; integer?: boolean | undefined }
    | undefined;
};

export type ValidateAnswerResult = { ok: true; answer: Answer } | { ok: false; error: string };

export function validateAnswer(question: AnswerableQuestion, input: unknown): ValidateAnswerResult {
  const parsed = answerInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: issue ? `${issue.path.join('.') || 'answer'}: ${issue.message}` : 'invalid answer',
    };
  }
  const { value, notApplicable } = parsed.data;
  const answer: Answer = {};
  const comment = parsed.data.comment?.trim();
  if (comment) {
    if (question.allowComment === false) return { ok: false, error: 'this question does not take a comment' };
    answer.comment = comment;
  }
  const hasValue =
    value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
  if (notApplicable) {
    if (!question.allowNotApplicable)
      return { ok: false, error: 'this question cannot be marked not applicable' };
    if (hasValue) return { ok: false, error: 'an answer marked not applicable cannot also have a value' };
    answer.notApplicable = true;
    return { ok: true, answer };
  }
  if (!hasValue) return { ok: true, answer };
  const checked = checkValue(question, value);
  if (typeof checked === 'object' && 'error' in checked) return { ok: false, error: checked.error };
  answer.value = checked;
  return { ok: true, answer };
}

function optionValues(question: AnswerableQuestion): readonly string[] {
  if (question.type === 'yes_no') return question.options?.map((o) => o.value) ?? ['yes', 'no'];
  return question.options?.map((o) => o.value) ?? [];
}

function checkValue(question: AnswerableQuestion, value: unknown): AnswerValue | { error: string } {
  const values = optionValues(question);
  switch (question.type) {
    case 'yes_no':
    case 'single_choice':
      if (typeof value !== 'string' || !values.includes(value)) {
        return { error: `choose one of: ${values.join(', ')}` };
      }
      return value;
    case 'multiple_choice':
      return checkMultiple(question, values, value);
    case 'text':
      if (typeof value !== 'string') return { error: 'the answer must be text' };
      if (value.length > MAX_TEXT_ANSWER_CHARS) {
        return { error: `the answer is at most ${MAX_TEXT_ANSWER_CHARS} characters` };
      }
      return value;
    case 'number':
      return checkNumber(question, value);
    case 'date':
      if (typeof value !== 'string' || !isCalendarDate(value)) {
        return { error: 'the answer must be a date written YYYY-MM-DD' };
      }
      return value;
    case 'file':
      return { error: 'a file question takes uploads, not a value' };
  }
}

function checkMultiple(question: AnswerableQuestion, values: readonly string[], value: unknown) {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string')) {
    return { error: 'choose at least one option' };
  }
  const unknown = value.filter((v) => !values.includes(v));
  if (unknown.length > 0)
    return { error: `not an option: ${unknown.join(', ')} (options: ${values.join(', ')})` };
  if (new Set(value).size !== value.length) return { error: 'each option can be chosen once' };
  const exclusive = question.options?.find((o) => o.exclusive && value.includes(o.value));
  if (exclusive && value.length > 1)
    return { error: `"${exclusive.value}" cannot be combined with other options` };
  return value as string[];
}

function checkNumber(question: AnswerableQuestion, value: unknown): number | { error: string } {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { error: 'the answer must be a number' };
  const range = question.numberRange;
  if (range?.integer && !Number.isInteger(value)) return { error: 'the answer must be a whole number' };
  if (range?.min !== undefined && value < range.min)
    return { error: `the answer must be at least ${range.min}` };
  if (range?.max !== undefined && value > range.max)
    return { error: `the answer must be at most ${range.max}` };
  return value;
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export type AnswerState =
  | { state: 'answered'; answer: Answer }
  | { state: 'not_applicable'; answer: Answer }
  | { state: 'unanswered' }
  | { state: 'invalid'; error: string };

/**
 * Where a question stands for completeness and scoring. A file question counts as answered once it
 * has a file; an answer that no longer fits the question (say, a removed option) counts as invalid.
 */
export function answerState(
  question: AnswerableQuestion,
  answers: Answers,
  evidence: EvidenceByQuestion = {},
): AnswerState {
  const input = lookup(answers, question.id);
  if (input === undefined) {
    return question.type === 'file' && hasFile(evidence, question.id)
      ? { state: 'answered', answer: {} }
      : { state: 'unanswered' };
  }
  const result = validateAnswer(question, input);
  if (!result.ok) return { state: 'invalid', error: result.error };
  if (result.answer.notApplicable) return { state: 'not_applicable', answer: result.answer };
  const answered =
    question.type === 'file' ? hasFile(evidence, question.id) : result.answer.value !== undefined;
  return answered ? { state: 'answered', answer: result.answer } : { state: 'unanswered' };
}

function hasFile(evidence: EvidenceByQuestion, questionId: string): boolean {
  return (lookup(evidence, questionId)?.count ?? 0) > 0;
}
