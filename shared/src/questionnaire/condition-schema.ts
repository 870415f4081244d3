import { z } from 'zod';

/**
 * When a question or section is shown. Leaves compare one earlier answer; `all`, `any` and `not`
 * combine them. A hidden, unanswered or "not applicable" question never matches a leaf.
 */
export type Condition =
  | { questionId: string; equals: string }
  | { questionId: string; includesAny: string[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const questionIdPattern = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
export const questionIdSchema = z
  .string()
  .regex(questionIdPattern, 'use lower-case letters, digits and underscores, parts joined by dots');

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ questionId: questionIdSchema, equals: z.string().min(1) }),
    z.strictObject({ questionId: questionIdSchema, includesAny: z.array(z.string().min(1)).min(1) }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

/** A leaf of a condition, with where it sits inside the condition (for error paths). */
export type ConditionLeaf = {
  questionId: string;
  values: string[];
  operator: 'equals' | 'includesAny';
  path: (string | number)[];
};

export function conditionLeaves(condition: Condition, path: (string | number)[] = []): ConditionLeaf[] {
  if ('all' in condition) return condition.all.flatMap((c, i) => conditionLeaves(c, [...path, 'all', i]));
  if ('any' in condition) return condition.any.flatMap((c, i) => conditionLeaves(c, [...path, 'any', i]));
  if ('not' in condition) return conditionLeaves(condition.not, [...path, 'not']);
  if ('equals' in condition) {
    return [{ questionId: condition.questionId, values: [condition.equals], operator: 'equals', path }];
  }
  return [{ questionId: condition.questionId, values: condition.includesAny, operator: 'includesAny', path }];
}

/**
 * `answerOf` returns the answer value of a visible, answered question, or undefined. A multiple-choice
 * value is an array; `equals` on it means "is among the choices", which keeps evaluation total.
 */
export function evaluateCondition(condition: Condition, answerOf: (questionId: string) => unknown): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, answerOf));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, answerOf));
  if ('not' in condition) return !evaluateCondition(condition.not, answerOf);
  const value = answerOf(condition.questionId);
  const wanted = 'equals' in condition ? [condition.equals] : condition.includesAny;
  if (Array.isArray(value)) return value.some((v) => wanted.includes(v));
  return typeof value === 'string' && wanted.includes(value);
}
