import { z } from 'zod';
import { calendarDateSchema } from '../assessments/dates';
import { serviceIdSchema } from '../catalog/service-id';
import { plainText } from '../extension-api/text';
import { daySchema, timestampSchema } from '../http/json-values';
import { pageQuerySchema, pageSchema } from '../http/paging';
import { questionIdSchema } from '../questionnaire/condition-schema';
import {
  findingEvents,
  findingSeveritySchema,
  findingSourceSchema,
  findingStatusSchema,
} from './finding-states';

/** A reviewer flags one question of an assessment as a finding (one click from the breakdown). */
export const flagFindingSchema = z.strictObject({
  questionId: questionIdSchema,
  title: plainText(3, 300).optional(),
  severity: findingSeveritySchema.default('medium'),
  requestedAction: plainText(0, 4000).optional(),
});
export type FlagFindingInput = z.infer<typeof flagFindingSchema>;

/** Who owns it, by when, and what is asked of the vendor. Status changes go through `/transition`. */
export const updateFindingSchema = z
  .strictObject({
    title: plainText(3, 300).optional(),
    severity: findingSeveritySchema.optional(),
    ownerId: z.string().min(1).max(100).nullable().optional(),
    dueOn: calendarDateSchema.nullable().optional(),
    requestedAction: plainText(0, 4000).nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Name at least one field to change');
export type UpdateFindingInput = z.infer<typeof updateFindingSchema>;

export const findingTransitionSchema = z
  .strictObject({
    event: z.enum(findingEvents as [string, ...string[]]),
    /** Required when accepting a risk; kept in the finding's history for the others. */
    note: plainText(0, 2000).optional(),
  })
  .refine((v) => v.event !== 'accept_risk' || (v.note ?? '').length >= 5, {
    message: 'Accepting a risk needs a reason of at least 5 characters',
    path: ['note'],
  });
export type FindingTransitionInput = z.infer<typeof findingTransitionSchema>;

export const findingListQuerySchema = z.strictObject({
  status: z.union([findingStatusSchema, z.literal('blocking')]).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  ownerId: z.string().min(1).max(100).optional(),
  vendorId: z.uuid().optional(),
  assessmentId: z.uuid().optional(),
  source: findingSourceSchema.optional(),
});
export type FindingListQuery = z.infer<typeof findingListQuerySchema>;

/** The findings page: the list's filters and a page of it (most severe first). */
export const findingPageQuerySchema = findingListQuerySchema.extend(pageQuerySchema.shape);

export const findingEventViewSchema = z.strictObject({
  at: timestampSchema,
  by: z.string().nullable(),
  action: z.string(),
  fromStatus: findingStatusSchema.nullable(),
  toStatus: findingStatusSchema.nullable(),
  note: z.string().nullable(),
});

export const findingViewSchema = z.strictObject({
  id: z.uuid(),
  assessmentId: z.uuid(),
  vendorId: z.uuid(),
  vendorName: z.string(),
  serviceId: serviceIdSchema.nullable(),
  source: findingSourceSchema,
  questionId: z.string().nullable(),
  questionText: z.string().nullable(),
  sectionId: z.string().nullable(),
  answer: z.string().nullable(),
  title: z.string(),
  severity: findingSeveritySchema,
  status: findingStatusSchema,
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueOn: daySchema.nullable(),
  overdue: z.boolean(),
  requestedAction: z.string().nullable(),
  sentToVendorAt: timestampSchema.nullable(),
  acceptedReason: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  createdAt: timestampSchema,
  history: z.array(findingEventViewSchema),
});
export type FindingView = z.infer<typeof findingViewSchema>;

/** A page of findings, most severe first. */
export const findingListSchema = pageSchema(findingViewSchema);
/** A finding sent to the vendor: with the review comment that carries it. */
export const findingSentSchema = findingViewSchema.extend({ commentId: z.uuid() });
