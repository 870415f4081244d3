import { z } from 'zod';
import { serviceIdSchema } from '../catalog/service-id';
import { legacyRequestDataCategories, toDataCategories } from '../questionnaire/data-category-spellings';
import type { DataCategory as ProfileDataCategory } from '../questionnaire/profile-vocabulary';
import { accessRequestStatusSchema } from '../usage/event-kinds';
import { plainText } from './text';

const legacySpellings = Object.keys(
  legacyRequestDataCategories,
) as (keyof typeof legacyRequestDataCategories)[];

/**
 * Data categories an employee can tick when asking for access: the one vocabulary of data categories
 * (questionnaire/profile-vocabulary.ts) less "none", so a request's categories reach the assessment's
 * use context unchanged.
 */
export const dataCategories = [
  'public',
  'internal',
  'confidential',
  'financial',
  'personal',
  'special_category',
  'source_code',
  'customer_data',
] as const satisfies readonly Exclude<ProfileDataCategory, 'none'>[];
export const dataCategorySchema = z.enum(dataCategories);
export type DataCategory = z.infer<typeof dataCategorySchema>;

export const dataCategoryLabels: Record<DataCategory, string> = {
  public: 'Public information',
  internal: 'Internal documents',
  confidential: 'Confidential business information',
  financial: 'Financial data',
  personal: 'Personal data',
  special_category: 'Special-category personal data (health, biometrics, beliefs and similar)',
  source_code: 'Source code',
  customer_data: 'Customer data',
};

/**
 * What the portal accepts: the vocabulary, plus the spellings extensions deployed before it was unified
 * still send (`personal-data`, `health`, …), mapped to it. The request stores the canonical values.
 */
const requestDataCategoriesSchema = z
  .array(z.enum([...dataCategories, ...legacySpellings]))
  .max(dataCategories.length + legacySpellings.length)
  .transform((values) => toDataCategories(values).filter((c): c is DataCategory => c !== 'none'));

/** An access request from the warning or block page. The client id makes retries create one request. */
export const accessRequestInputSchema = z.strictObject({
  clientRequestId: z.uuid(),
  serviceId: serviceIdSchema,
  justification: plainText(10, 2000),
  intendedUse: plainText(3, 2000),
  dataCategories: requestDataCategoriesSchema,
});
export type AccessRequestInput = z.infer<typeof accessRequestInputSchema>;

export const accessRequestCreatedSchema = z.object({
  requestId: z.uuid(),
  status: accessRequestStatusSchema,
  /** False when this client id had already been received (a retry). */
  created: z.boolean(),
});
export type AccessRequestCreated = z.infer<typeof accessRequestCreatedSchema>;
