import { z } from 'zod';
import { serviceIdSchema } from '../catalog/service-id';
import { daySchema, timestampSchema } from '../http/json-values';
import { pageSchema } from '../http/paging';
import { dataCategorySchema } from '../questionnaire/profile-vocabulary';
import { supplierViewSchema } from './inventory-api';
import {
  aiActRoleSchema,
  aiSystemOriginSchema,
  euAiActClassSchema,
  lifecycleStageSchema,
} from './inventory-enums';

/** One AI system as the inventory list and the staff page show it. */
export const aiSystemViewSchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  purpose: z.string(),
  owner: z.string(),
  origin: aiSystemOriginSchema,
  lifecycleStage: lifecycleStageSchema,
  euAiActClass: euAiActClassSchema,
  orgRole: aiActRoleSchema,
  dataCategories: z.array(dataCategorySchema),
  decisionsAboutPeople: z.boolean(),
  decisionsDescription: z.string().nullable(),
  humanOversight: z.string().nullable(),
  serviceIds: z.array(serviceIdSchema),
  nextReviewOn: daySchema.nullable(),
  /** Whether the next review date is today or past. */
  dueForReview: z.boolean(),
  suppliers: z.array(supplierViewSchema),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type AiSystemView = z.infer<typeof aiSystemViewSchema>;

/** One change to a system, from the audit trail, oldest first. */
export const aiSystemHistoryEntrySchema = z.strictObject({
  at: timestampSchema,
  action: z.string(),
  actor: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AiSystemHistoryEntry = z.infer<typeof aiSystemHistoryEntrySchema>;

export const aiSystemDetailSchema = aiSystemViewSchema.extend({
  history: z.array(aiSystemHistoryEntrySchema),
});
export type AiSystemDetail = z.infer<typeof aiSystemDetailSchema>;

/** A page of the inventory, by name. */
export const aiSystemListSchema = pageSchema(aiSystemViewSchema);
