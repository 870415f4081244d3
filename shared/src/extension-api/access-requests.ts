import { z } from 'zod';
import { accessRequestStatusSchema } from '../usage/event-kinds';
import { plainText } from './text';

/** Data categories an employee can tick when asking for access; mirrors the assessment's data classes. */
export const dataCategories = [
  'public',
  'internal',
  'confidential',
  'personal-data',
  'special-category-personal-data',
  'customer-data',
  'source-code',
  'financial',
  'health',
] as const;
export const dataCategorySchema = z.enum(dataCategories);
export type DataCategory = z.infer<typeof dataCategorySchema>;

export const dataCategoryLabels: Record<DataCategory, string> = {
  public: 'Public information',
  internal: 'Internal documents',
  confidential: 'Confidential business information',
  'personal-data': 'Personal data',
  'special-category-personal-data': 'Special-category personal data',
  'customer-data': 'Customer data',
  'source-code': 'Source code',
  financial: 'Financial data',
  health: 'Health data',
};

export const serviceIdSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'A service id is lower-case letters, digits, ., _ and -');

/** An access request from the warning or block page. The client id makes retries create one request. */
export const accessRequestInputSchema = z.strictObject({
  clientRequestId: z.uuid(),
  serviceId: serviceIdSchema,
  justification: plainText(10, 2000),
  intendedUse: plainText(3, 2000),
  dataCategories: z.array(dataCategorySchema).max(dataCategories.length),
});
export type AccessRequestInput = z.infer<typeof accessRequestInputSchema>;

export const accessRequestCreatedSchema = z.object({
  requestId: z.uuid(),
  status: accessRequestStatusSchema,
  /** False when this client id had already been received (a retry). */
  created: z.boolean(),
});
export type AccessRequestCreated = z.infer<typeof accessRequestCreatedSchema>;
