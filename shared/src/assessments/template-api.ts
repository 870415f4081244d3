import { z } from 'zod';
import { timestampSchema } from '../http/json-values';
import { MAX_TEMPLATE_SOURCE_CHARS } from '../questionnaire/template-io';
import { templateShapeSchema } from '../questionnaire/template-schema';

export const templateFormats = ['json', 'yaml'] as const;
export const templateFormatSchema = z.enum(templateFormats);
export type TemplateFormat = z.infer<typeof templateFormatSchema>;

export const importTemplateSchema = z.strictObject({
  format: templateFormatSchema,
  source: z.string().min(1, 'paste or upload the template').max(MAX_TEMPLATE_SOURCE_CHARS),
});

/** Clone to the next version of the same key, or start a new key at version 1. */
export const cloneTemplateSchema = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'the key uses lower-case letters, digits and hyphens')
    .max(100)
    .optional(),
  title: z.string().trim().min(1).max(200).optional(),
});

export const exportTemplateQuerySchema = z.strictObject({ format: templateFormatSchema.default('json') });

// Answers of the template routes.

export const templateSummarySchema = z.strictObject({
  id: z.uuid(),
  key: z.string(),
  version: z.number().int(),
  title: z.string(),
  builtIn: z.boolean(),
  createdAt: timestampSchema,
  sectionCount: z.number().int(),
  questionCount: z.number().int(),
  assessmentCount: z.number().int(),
});
export const templateListSchema = z.strictObject({ templates: z.array(templateSummarySchema) });
export type TemplateSummary = z.infer<typeof templateSummarySchema>;

/** One template version with its full definition. */
export const templateDetailSchema = z.strictObject({
  id: z.uuid(),
  key: z.string(),
  version: z.number().int(),
  title: z.string(),
  builtIn: z.boolean(),
  createdAt: timestampSchema,
  definition: templateShapeSchema,
});
export type TemplateDetail = z.infer<typeof templateDetailSchema>;

/** A template version added by a clone or an import. */
export const templateCreatedSchema = z.strictObject({
  id: z.uuid(),
  key: z.string(),
  version: z.number().int(),
});
