import { z } from 'zod';
import { assessmentStateSchema, riskTierSchema } from '../assessments/assessment-states';
import { calendarDateSchema } from '../assessments/dates';
import { enteredServiceIdSchema } from '../catalog/service-id';
import { findingViewSchema } from '../findings/findings-api';
import { daySchema, timestampSchema } from '../http/json-values';
import { pageQuerySchema, pageSchema } from '../http/paging';
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

// Answers of the vendor routes.

export const vendorListItemSchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  website: z.string().nullable(),
  status: shownVendorStatusSchema,
  tier: riskTierSchema.nullable(),
  nextReviewOn: daySchema.nullable(),
  updatedAt: timestampSchema,
  assessmentCount: z.number().int(),
  services: z.array(z.string()),
});
/** A page of the register, by name. */
export const vendorListSchema = pageSchema(vendorListItemSchema);
export type VendorListItem = z.infer<typeof vendorListItemSchema>;

export const vendorRecordSchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  website: z.string().nullable(),
  status: shownVendorStatusSchema,
  tier: riskTierSchema.nullable(),
  nextReviewOn: daySchema.nullable(),
  modelProviders: z.array(z.string()),
  subProcessors: z.array(z.string()),
  notes: z.string().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

export const vendorContactSchema = z.strictObject({
  id: z.uuid(),
  vendorId: z.uuid(),
  name: z.string(),
  email: z.string(),
  title: z.string().nullable(),
  isPrimary: z.boolean(),
  createdAt: timestampSchema,
});

export const vendorDocumentSchema = z.strictObject({
  id: z.uuid(),
  title: z.string(),
  kind: vendorDocumentKindSchema,
  expiresOn: daySchema.nullable(),
  createdAt: timestampSchema,
  fileName: z.string().nullable(),
  mediaType: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  sha256: z.string().nullable(),
});

export const vendorAssessmentSummarySchema = z.strictObject({
  id: z.uuid(),
  state: assessmentStateSchema,
  serviceId: z.string().nullable(),
  respondentName: z.string(),
  respondentEmail: z.string(),
  dueOn: daySchema,
  sentAt: timestampSchema.nullable(),
  submittedAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  cycle: z.number().int(),
  templateTitle: z.string(),
  templateVersion: z.number().int(),
});

/** A vendor with everything on file: contacts, services, documents, assessments and findings. */
export const vendorDetailSchema = z.strictObject({
  vendor: vendorRecordSchema,
  contacts: z.array(vendorContactSchema),
  services: z.array(z.string()),
  documents: z.array(vendorDocumentSchema),
  assessments: z.array(vendorAssessmentSummarySchema),
  findings: z.array(findingViewSchema),
});
export type VendorDetail = z.infer<typeof vendorDetailSchema>;

export const storedDocumentSchema = z.strictObject({
  id: z.uuid(),
  sha256: z.string(),
  mediaType: z.string(),
  fileName: z.string(),
});
