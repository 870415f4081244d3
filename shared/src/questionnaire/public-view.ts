import { z } from 'zod';
import { type Condition, conditionSchema, withContextUnion } from './condition-schema';
import { commentAllowed, effectiveOptions } from './question-helpers';
import type { Question, Section, Template } from './template-schema';
import { questionTypeSchema } from './template-schema';
import { type ContextConditionField, mirroredContextField } from './use-context';

/**
 * What the vendor page may see. Built field by field (never by spreading) so that a field added to
 * the template later stays private until someone decides to publish it: weights, points, knock-outs,
 * tags and inherent-risk markers would let a vendor game the score.
 */
export const publicQuestionSchema = z.strictObject({
  id: z.string(),
  type: questionTypeSchema,
  text: z.string(),
  help: z.string().optional(),
  required: z.boolean(),
  allowNotApplicable: z.boolean(),
  allowComment: z.boolean(),
  condition: conditionSchema.optional(),
  evidence: z
    .strictObject({
      requested: z.boolean(),
      label: z.string().optional(),
      certificateExpiry: z.boolean().optional(),
    })
    .optional(),
  options: z
    .array(
      z.strictObject({
        value: z.string(),
        label: z.string(),
        exclusive: z.boolean().optional(),
        /** "We cannot say": the page needs it to show follow-ups as the server does. */
        unknown: z.boolean().optional(),
      }),
    )
    .optional(),
  numberRange: z
    .strictObject({ min: z.number().optional(), max: z.number().optional(), integer: z.boolean().optional() })
    .optional(),
});
export type PublicQuestion = z.infer<typeof publicQuestionSchema>;

export const publicSectionSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  description: z.string().optional(),
  condition: conditionSchema.optional(),
  questions: z.array(publicQuestionSchema),
});
export type PublicSection = z.infer<typeof publicSectionSchema>;

export const publicTemplateSchema = z.strictObject({
  version: z.number().int(),
  title: z.string(),
  description: z.string(),
  sections: z.array(publicSectionSchema),
});
export type PublicTemplate = z.infer<typeof publicTemplateSchema>;

/**
 * Conditions on profile questions that mirror the use context (see evaluateCondition) are written out
 * as "the answer or the use context", so the page shows what the server scores without learning which
 * questions feed inherent risk.
 */
export function toPublicTemplate(template: Template): PublicTemplate {
  const mirrored = new Map<string, ContextConditionField>();
  for (const question of template.sections.flatMap((s) => s.questions)) {
    const field = question.inherentFactor && mirroredContextField[question.inherentFactor];
    if (field) mirrored.set(question.id, field);
  }
  const publish = (condition: Condition) => withContextUnion(condition, (id) => mirrored.get(id));
  return {
    version: template.version,
    title: template.title,
    description: template.description,
    sections: template.sections.map((s) => toPublicSection(s, publish)),
  };
}

type Publish = (condition: Condition) => Condition;

function toPublicSection(section: Section, publish: Publish): PublicSection {
  const result: PublicSection = { id: section.id, title: section.title, questions: [] };
  if (section.description !== undefined) result.description = section.description;
  if (section.condition !== undefined) result.condition = publish(section.condition);
  result.questions = section.questions.map((q) => toPublicQuestion(q, publish));
  return result;
}

function toPublicQuestion(question: Question, publish: Publish): PublicQuestion {
  const result: PublicQuestion = {
    id: question.id,
    type: question.type,
    text: question.text,
    required: question.required,
    allowNotApplicable: question.allowNotApplicable,
    allowComment: commentAllowed(question),
  };
  if (question.help !== undefined) result.help = question.help;
  if (question.condition !== undefined) result.condition = publish(question.condition);
  if (question.evidence !== undefined) {
    const { requested, label, certificateExpiry } = question.evidence;
    result.evidence = { requested };
    if (label !== undefined) result.evidence.label = label;
    if (certificateExpiry !== undefined) result.evidence.certificateExpiry = certificateExpiry;
  }
  const options = effectiveOptions(question);
  if (options.length > 0) {
    result.options = options.map((o) => {
      const option: { value: string; label: string; exclusive?: boolean; unknown?: boolean } = {
        value: o.value,
        label: o.label,
      };
      if (o.exclusive !== undefined) option.exclusive = o.exclusive;
      if (o.unknown !== undefined) option.unknown = o.unknown;
      return option;
    });
  }
  if (question.numberRange !== undefined) {
    const { min, max, integer } = question.numberRange;
    result.numberRange = {};
    if (min !== undefined) result.numberRange.min = min;
    if (max !== undefined) result.numberRange.max = max;
    if (integer !== undefined) result.numberRange.integer = integer;
  }
  return result;
}
