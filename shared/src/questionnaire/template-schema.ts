import { z } from 'zod';
import { conditionSchema, questionIdSchema } from './condition-schema';
import { inherentFactorSchema } from './profile-vocabulary';
import { checkTemplateRules } from './template-rules';

export const questionTypes = [
  'yes_no',
  'single_choice',
  'multiple_choice',
  'text',
  'number',
  'date',
  'file',
] as const;
export const questionTypeSchema = z.enum(questionTypes);
export type QuestionType = z.infer<typeof questionTypeSchema>;

/** How a multiple-choice answer's option points combine: the weakest choice, or their sum capped at 1. */
export const multipleChoiceAggregates = ['min', 'sum'] as const;

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const pointsSchema = z
  .number()
  .min(0, 'points must be between 0 and 1')
  .max(1, 'points must be between 0 and 1');

export const optionValueSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_]*$/, 'option values use lower-case letters, digits and underscores');

export const optionSchema = z.strictObject({
  value: optionValueSchema,
  label: nonEmpty,
  /** Assurance this answer gives, 0 (none) to 1 (full). Needed when the question has weight. */
  points: pointsSchema.optional(),
  /** Multiple choice only: this option cannot be combined with others (e.g. "none"). */
  exclusive: z.boolean().optional(),
  /**
   * This option means "we cannot say" (or "prefer not to say"). Conditions read it as unknown and show
   * the follow-ups the riskier answer would; it scores no more than the weakest option, and on a
   * question that can knock out it counts as the knock-out until answered.
   */
  unknown: z.boolean().optional(),
  /**
   * Choosing this option fails the vendor whatever the score; with a condition, only where it holds
   * (unknown counts as holding), such as "kept after the contract ends" only where personal data is involved.
   */
  knockOut: z.strictObject({ reason: nonEmpty, condition: conditionSchema.optional() }).optional(),
});
export type QuestionOption = z.infer<typeof optionSchema>;

/** A number answer scores the points of the first band it falls in (min inclusive, max exclusive). */
export const numberBandSchema = z.strictObject({
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  points: pointsSchema,
});

export const numberRangeSchema = z.strictObject({
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  integer: z.boolean().optional(),
});

export const evidenceRequestSchema = z.strictObject({
  requested: z.boolean(),
  /** What to upload, shown beside the upload control. */
  label: nonEmpty.optional(),
  /** Ask for the certificate's expiry date with the upload. */
  certificateExpiry: z.boolean().optional(),
});

const iso42001Item = z
  .string()
  .regex(/^(A\.\d+(\.\d+){0,2}|\d+(\.\d+){0,2})$/, 'an ISO/IEC 42001 item looks like "A.10.3" or "8.1"');
const articleRef = z
  .string()
  .regex(/^Art\. \d+(\(\d+\))?(\([a-z]\))?$/, 'an article looks like "Art. 28" or "Art. 21(2)(d)"');
const iso27001Control = z
  .string()
  .regex(/^A\.[5-8]\.\d+$/, 'an ISO/IEC 27001:2022 control looks like "A.5.19"');

/**
 * The crosswalk: which clauses of which frameworks a question gives evidence for. `iso42001` names the
 * organisation's own controls (A.10.3 for supplier due diligence, A.10.2, and the related ones);
 * `iso42001Vendor` names controls of the vendor's own management system that the question asks about
 * (A.10.4, and A.2–A.8 on vendor-side practice): for us, the answer is evidence under A.10.3.
 */
export const questionTagsSchema = z.strictObject({
  iso42001: z.array(iso42001Item).min(1, 'tag at least one ISO/IEC 42001 item'),
  iso42001Vendor: z.array(iso42001Item).optional(),
  euAiAct: z.array(articleRef).optional(),
  gdpr: z.array(articleRef).optional(),
  dora: z.array(articleRef).optional(),
  nis2: z.array(articleRef).optional(),
  dataAct: z.array(articleRef).optional(),
  iso27001: z.array(iso27001Control).optional(),
});
export type QuestionTags = z.infer<typeof questionTagsSchema>;
export const tagFrameworks = [
  'iso42001',
  'iso42001Vendor',
  'euAiAct',
  'gdpr',
  'dora',
  'nis2',
  'dataAct',
  'iso27001',
] as const;
export type TagFramework = (typeof tagFrameworks)[number];

export const questionSchema = z.strictObject({
  /** Stable across template versions: answers, overrides and evidence are keyed by it. */
  id: questionIdSchema,
  type: questionTypeSchema,
  text: nonEmpty,
  help: nonEmpty.optional(),
  required: z.boolean(),
  allowNotApplicable: z.boolean(),
  /** Absent means comments are allowed. */
  allowComment: z.boolean().optional(),
  condition: conditionSchema.optional(),
  evidence: evidenceRequestSchema.optional(),
  weight: z.number().finite().min(0, 'weight must be 0 or more'),
  /** Choice questions; yes/no may list exactly "yes" and "no" to set points or a knock-out. */
  options: z.array(optionSchema).optional(),
  aggregate: z.enum(multipleChoiceAggregates).optional(),
  numberRange: numberRangeSchema.optional(),
  numberBands: z.array(numberBandSchema).min(1).optional(),
  /** Profile only: this answer feeds the inherent-risk factor of that name. */
  inherentFactor: inherentFactorSchema.optional(),
  tags: questionTagsSchema,
});
export type Question = z.infer<typeof questionSchema>;

export const sectionIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'section ids use lower-case letters, digits and underscores');

export const sectionSchema = z.strictObject({
  id: sectionIdSchema,
  title: nonEmpty,
  description: nonEmpty.optional(),
  condition: conditionSchema.optional(),
  questions: z.array(questionSchema).min(1, 'a section needs at least one question'),
});
export type Section = z.infer<typeof sectionSchema>;

export const templateShapeSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'the key uses lower-case letters, digits and hyphens'),
  /** Stored as a 32-bit integer. */
  version: z.number().int().min(1).max(2_147_483_647),
  title: nonEmpty,
  description: nonEmpty,
  sections: z.array(sectionSchema).min(1),
});

export const templateSchema = templateShapeSchema.superRefine(checkTemplateRules);
export type Template = z.infer<typeof templateSchema>;

export type TemplateError = { path: string; message: string };
export type ParseTemplateResult = { ok: true; template: Template } | { ok: false; errors: TemplateError[] };

/** Accepts a JSON string or an already-parsed object (e.g. from YAML or a jsonb column). */
export function parseTemplate(input: unknown): ParseTemplateResult {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (error) {
      return { ok: false, errors: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }] };
    }
  }
  const result = templateSchema.safeParse(data);
  if (result.success) return { ok: true, template: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
  };
}

/** `sections[2].questions[0].condition` rather than an array of keys. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}
