import { z } from 'zod';
import { riskTierSchema } from '../assessments/assessment-states';
import { calendarDateSchema } from '../assessments/dates';
import { enteredServiceIdSchema, serviceIdSchema } from '../catalog/service-id';
import { plainText } from '../extension-api/text';
import { pageQuerySchema } from '../http/paging';
import { dataCategorySchema } from '../questionnaire/profile-vocabulary';
import {
  aiActRoleSchema,
  aiSystemOriginSchema,
  euAiActClassSchema,
  lifecycleStageSchema,
} from './inventory-enums';
import { responsibilityMatrixPatchSchema, responsibilityMatrixSchema } from './responsibilities';

const systemFields = {
  name: plainText(1, 200),
  purpose: plainText(1, 4000),
  /** The business owner: the person accountable for the system's use. */
  owner: plainText(1, 200),
  origin: aiSystemOriginSchema,
  lifecycleStage: lifecycleStageSchema,
  euAiActClass: euAiActClassSchema,
  orgRole: aiActRoleSchema,
  dataCategories: z.array(dataCategorySchema).max(20),
  decisionsAboutPeople: z.boolean(),
  /** Which decisions, when it makes or shapes decisions about people. */
  decisionsDescription: plainText(0, 2000).nullable(),
  /** How people oversee it: who reviews outputs, who can stop it. */
  humanOversight: plainText(0, 2000).nullable(),
  serviceIds: z.array(enteredServiceIdSchema).max(50),
  nextReviewOn: calendarDateSchema.nullable(),
};

export const createAiSystemSchema = z
  .strictObject({
    ...systemFields,
    origin: systemFields.origin.default('internal'),
    lifecycleStage: systemFields.lifecycleStage.default('inception'),
    euAiActClass: systemFields.euAiActClass.default('unknown'),
    orgRole: systemFields.orgRole.default('deployer'),
    dataCategories: systemFields.dataCategories.default([]),
    decisionsAboutPeople: systemFields.decisionsAboutPeople.default(false),
    decisionsDescription: systemFields.decisionsDescription.default(null),
    humanOversight: systemFields.humanOversight.default(null),
    serviceIds: systemFields.serviceIds.default([]),
    nextReviewOn: systemFields.nextReviewOn.default(null),
  })
  .refine((v) => !v.decisionsAboutPeople || (v.decisionsDescription ?? '').length > 0, {
    message: 'Say which decisions about people it makes or shapes',
    path: ['decisionsDescription'],
  });
export type CreateAiSystemInput = z.infer<typeof createAiSystemSchema>;

export const updateAiSystemSchema = z
  .strictObject(systemFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Name at least one field to change');
export type UpdateAiSystemInput = z.infer<typeof updateAiSystemSchema>;

/** Adds or changes one supplier of a system; the tier follows the vendor's decided assessments. */
export const upsertSupplierSchema = z.strictObject({
  vendorId: z.uuid(),
  serviceId: enteredServiceIdSchema.nullable().optional(),
  responsibilities: responsibilityMatrixPatchSchema.optional(),
});
export type UpsertSupplierInput = z.infer<typeof upsertSupplierSchema>;

export const inventoryListQuerySchema = z.strictObject({
  lifecycleStage: lifecycleStageSchema.optional(),
  euAiActClass: euAiActClassSchema.optional(),
  vendorId: z.uuid().optional(),
  tier: riskTierSchema.optional(),
  owner: z.string().trim().min(1).max(200).optional(),
  /** Systems whose next review date is on or before today. */
  dueForReview: z.enum(['true', 'false']).optional(),
  q: z.string().trim().min(1).max(200).optional(),
});
export type InventoryListQuery = z.infer<typeof inventoryListQuerySchema>;

/** The inventory page: the list's filters and a page of it (by name). */
export const inventoryPageQuerySchema = inventoryListQuerySchema.extend(pageQuerySchema.shape);

export const supplierViewSchema = z.strictObject({
  id: z.uuid(),
  vendorId: z.uuid(),
  vendorName: z.string(),
  serviceId: serviceIdSchema.nullable(),
  tier: riskTierSchema.nullable(),
  assessmentId: z.uuid().nullable(),
  responsibilities: responsibilityMatrixSchema,
});
export type SupplierView = z.infer<typeof supplierViewSchema>;
