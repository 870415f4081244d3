import { z } from 'zod';
import { riskTierSchema } from '../assessments/assessment-states';
import { calendarDateSchema } from '../assessments/dates';
import { enteredServiceIdSchema } from '../catalog/service-id';
import { pageQuerySchema } from '../http/paging';
import { chosenVendorStatusSchema, shownVendorStatusSchema } from './vendor-statuses';

const name = z.string().trim().min(1, 'must not be empty').max(200);
const shortList = z.array(z.string().trim().min(1).max(200)).max(100);

export const vendorWebsiteSchema = z
  .url({ protocol: /^https?$/, message: 'a website is an http(s) address' })
  .max(500);

export const createVendorSchema = z.strictObject({
  name,
  website: vendorWebsiteSchema.nullable().optional(),
  status: chosenVendorStatusSchema.optional(),
  tier: riskTierSchema.nullable().optional(),
  nextReviewOn: calendarDateSchema.nullable().optional(),
  modelProviders: shortList.optional(),
  subProcessors: shortList.optional(),
  services: z.array(enteredServiceIdSchema).max(100).optional(),
  notes: z.string().max(5000).nullable().optional(),
});
export type CreateVendorInput = z.infer<typeof createVendorSchema>;

export const updateVendorSchema = createVendorSchema
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'change at least one field');
export type UpdateVendorInput = z.infer<typeof updateVendorSchema>;

export const vendorListQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  status: shownVendorStatusSchema.optional(),
  tier: riskTierSchema.optional(),
  serviceId: enteredServiceIdSchema.optional(),
});

/** The vendors page: the register's filters and a page of it (by name). */
export const vendorPageQuerySchema = vendorListQuerySchema.extend(pageQuerySchema.shape);

export const vendorContactInputSchema = z.strictObject({
  name,
  email: z
    .email()
    .max(254)
    .transform((s) => s.toLowerCase()),
  title: z.string().trim().max(200).nullable().optional(),
  isPrimary: z.boolean().optional(),
});
export type VendorContactInput = z.infer<typeof vendorContactInputSchema>;

export const vendorDocumentKinds = ['contract', 'dpa', 'certificate', 'report', 'policy', 'other'] as const;
export const vendorDocumentKindSchema = z.enum(vendorDocumentKinds);

/** The form fields sent beside the file when a vendor document is uploaded (multipart). */
export const vendorDocumentFieldsSchema = z.strictObject({
  title: name,
  kind: vendorDocumentKindSchema,
  expiresOn: calendarDateSchema.optional(),
});
