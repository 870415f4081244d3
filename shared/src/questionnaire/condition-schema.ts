import { z } from 'zod';
import {
  type ContextConditionField,
  type ContextFieldState,
  contextConditionFieldNames,
} from './use-context';

/**
 * When a question, a section or a knock-out applies. Leaves compare one earlier answer, or one field
 * of the organisation's use context; `all`, `any` and `not` combine them.
 *
 * Evaluation has three values (Kleene logic): a leaf is unknown when its answer is blank, invalid or
 * an option that means "we cannot say", and when a use-context field is unstated or "unknown". Whatever
 * is unknown at the top is shown: silence shows the follow-ups the riskier answer would, never fewer.
 * A hidden or "not applicable" question matches nothing.
 */
export type Condition =
  | { questionId: string; equals: string }
  | { questionId: string; includesAny: string[] }
  | { useContext: ContextConditionField; equals: string; ifUnstated?: 'no_match' }
  | { useContext: ContextConditionField; includesAny: string[]; ifUnstated?: 'no_match' }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const questionIdPattern = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
export const questionIdSchema = z
  .string()
  .regex(questionIdPattern, 'use lower-case letters, digits and underscores, parts joined by dots');

const contextFieldSchema = z.enum(
  contextConditionFieldNames as [ContextConditionField, ...ContextConditionField[]],
);
/** "no_match": an unstated field matches nothing instead of counting as unknown (see withContextUnion). */
const ifUnstatedSchema = z.literal('no_match').optional();

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ questionId: questionIdSchema, equals: z.string().min(1) }),
    z.strictObject({ questionId: questionIdSchema, includesAny: z.array(z.string().min(1)).min(1) }),
    z.strictObject({
      useContext: contextFieldSchema,
      equals: z.string().min(1),
      ifUnstated: ifUnstatedSchema,
    }),
    z.strictObject({
      useContext: contextFieldSchema,
      includesAny: z.array(z.string().min(1)).min(1),
      ifUnstated: ifUnstatedSchema,
    }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

/** A leaf of a condition, with where it sits inside the condition (for error paths). */
export type ConditionLeaf = (
  | { source: 'answer'; questionId: string }
  | { source: 'context'; field: ContextConditionField }
) & {
  values: string[];
  operator: 'equals' | 'includesAny';
  path: (string | number)[];
};

export function conditionLeaves(condition: Condition, path: (string | number)[] = []): ConditionLeaf[] {
  if ('all' in condition) return condition.all.flatMap((c, i) => conditionLeaves(c, [...path, 'all', i]));
  if ('any' in condition) return condition.any.flatMap((c, i) => conditionLeaves(c, [...path, 'any', i]));
  if ('not' in condition) return conditionLeaves(condition.not, [...path, 'not']);
  const operator = 'equals' in condition ? 'equals' : 'includesAny';
  const values = 'equals' in condition ? [condition.equals] : condition.includesAny;
  if ('useContext' in condition)
    return [{ source: 'context', field: condition.useContext, values, operator, path }];
  return [{ source: 'answer', questionId: condition.questionId, values, operator, path }];
}

/** Question ids a condition reads. */
export function conditionQuestionIds(condition: Condition): string[] {
  return conditionLeaves(condition).flatMap((l) => (l.source === 'answer' ? [l.questionId] : []));
}

export type Truth = boolean | 'unknown';

/** How an answer stands for a condition: chosen values, unknown (blank, "we cannot say"), or absent (hidden, N/A). */
export type LeafSubject =
  | { kind: 'values'; values: readonly string[] }
  | { kind: 'unknown' }
  | { kind: 'absent' };

export type ConditionInputs = {
  answer: (questionId: string) => LeafSubject;
  context: (field: ContextConditionField) => ContextFieldState;
  /**
   * The use-context field a question mirrors (a profile question that feeds inherent risk): a leaf on
   * it matches the vendor's answer or the organisation's stated value, the union of the two.
   */
  mirroredField?: (questionId: string) => ContextConditionField | undefined;
};

export function evaluateCondition(condition: Condition, inputs: ConditionInputs): Truth {
  if ('all' in condition) {
    let truth: Truth = true;
    for (const part of condition.all) {
      const t = evaluateCondition(part, inputs);
      if (t === false) return false;
      if (t === 'unknown') truth = 'unknown';
    }
    return truth;
  }
  if ('any' in condition) {
    let truth: Truth = false;
    for (const part of condition.any) {
      const t = evaluateCondition(part, inputs);
      if (t === true) return true;
      if (t === 'unknown') truth = 'unknown';
    }
    return truth;
  }
  if ('not' in condition) {
    const inner = evaluateCondition(condition.not, inputs);
    return inner === 'unknown' ? 'unknown' : !inner;
  }
  const wanted = 'equals' in condition ? [condition.equals] : condition.includesAny;
  if ('useContext' in condition) {
    return contextTruth(inputs.context(condition.useContext), wanted, condition.ifUnstated);
  }
  const own = subjectTruth(inputs.answer(condition.questionId), wanted);
  const field = inputs.mirroredField?.(condition.questionId);
  if (!field || own === true) return own;
  const theirs = contextTruth(inputs.context(field), wanted, 'no_match');
  return theirs === true ? true : own === 'unknown' || theirs === 'unknown' ? 'unknown' : false;
}

/** Shown (or applying) unless the condition is definitely false. */
export function holds(truth: Truth): boolean {
  return truth !== false;
}

function subjectTruth(subject: LeafSubject, wanted: readonly string[]): Truth {
  if (subject.kind === 'absent') return false;
  if (subject.kind === 'unknown') return 'unknown';
  return subject.values.some((v) => wanted.includes(v));
}

function contextTruth(state: ContextFieldState, wanted: readonly string[], ifUnstated?: 'no_match'): Truth {
  if (state.kind === 'unstated') return ifUnstated === 'no_match' ? false : 'unknown';
  if (state.kind === 'unknown') return 'unknown';
  return state.values.some((v) => wanted.includes(v));
}

/**
 * The same condition with every leaf on a mirrored question widened to "the answer or the use
 * context" (unstated context matching nothing), so a template without the mirror markers, such as
 * the vendor page's public copy, evaluates exactly as the full template does.
 */
export function withContextUnion(
  condition: Condition,
  mirroredField: (questionId: string) => ContextConditionField | undefined,
): Condition {
  if ('all' in condition) return { all: condition.all.map((c) => withContextUnion(c, mirroredField)) };
  if ('any' in condition) return { any: condition.any.map((c) => withContextUnion(c, mirroredField)) };
  if ('not' in condition) return { not: withContextUnion(condition.not, mirroredField) };
  if ('useContext' in condition) return condition;
  const field = mirroredField(condition.questionId);
  if (!field) return condition;
  const contextLeaf: Condition =
    'equals' in condition
      ? { useContext: field, equals: condition.equals, ifUnstated: 'no_match' }
      : { useContext: field, includesAny: condition.includesAny, ifUnstated: 'no_match' };
  return { any: [condition, contextLeaf] };
}
