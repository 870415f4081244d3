import { z } from 'zod';
import { MAX_TEMPLATE_SOURCE_CHARS } from '../questionnaire/template-io';

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
