import { z } from 'zod';
import { enteredServiceIdSchema } from '../catalog/service-id';
import { pageQuerySchema } from '../http/paging';
import { questionIdSchema } from '../questionnaire/condition-schema';
import { useContextSchema } from '../scoring/score-input-schema';
import { assessmentStateSchema } from './assessment-states';
import { calendarDateSchema } from './dates';

export const personName = z.string().trim().min(1, 'must not be empty').max(200);
export const respondentEmailSchema = z
  .email()
  .max(254)
  .transform((s) => s.toLowerCase());

/**
 * A new assessment starts from a vendor, a catalog service or an employee's access request; the
 * server resolves the other two where it can (a service's vendor, a request's service).
 */
export const createAssessmentSchema = z
  .strictObject({
    vendorId: z.uuid().optional(),
    serviceId: enteredServiceIdSchema.optional(),
    accessRequestId: z.uuid().optional(),
    /** Defaults to the newest version of the shipped A.10 template. */
    templateId: z.uuid().optional(),
    respondentName: personName,
    respondentEmail: respondentEmailSchema,
    dueOn: calendarDateSchema,
    /** What the organisation knows of its own use; inherent risk takes the worse of this and the vendor's profile. */
    useContext: useContextSchema.optional(),
    /** Send at once instead of keeping a draft. */
    send: z.boolean().optional(),
  })
  .refine((v) => v.vendorId || v.serviceId || v.accessRequestId, {
    message: 'start from a vendor, a service or an access request',
    path: ['vendorId'],
  });
export type CreateAssessmentInput = z.infer<typeof createAssessmentSchema>;

export const assessmentListQuerySchema = z.strictObject({
  state: assessmentStateSchema.optional(),
  vendorId: z.uuid().optional(),
});

/** The assessments page: the list's filters and a page of it (newest first). */
export const assessmentPageQuerySchema = assessmentListQuerySchema.extend(pageQuerySchema.shape);

/**
 * Resend a link (a new token supersedes the old one), optionally to a new respondent (the person
 * left, or someone else should answer). An expired assessment needs a new due date.
 */
export const resendAssessmentSchema = z.strictObject({
  dueOn: calendarDateSchema.optional(),
  respondentName: personName.optional(),
  respondentEmail: respondentEmailSchema.optional(),
});

/** A draft can still change anything about whom it asks, what, and by when. */
export const updateDraftSchema = z
  .strictObject({
    templateId: z.uuid().optional(),
    respondentName: personName.optional(),
    respondentEmail: respondentEmailSchema.optional(),
    dueOn: calendarDateSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'change at least one field');
export type UpdateDraftInput = z.infer<typeof updateDraftSchema>;

export const revokeAssessmentSchema = z.strictObject({ reason: z.string().trim().max(1000).optional() });

export const reviewCommentInputSchema = z.strictObject({
  questionId: questionIdSchema,
  comment: z.string().trim().min(1, 'write the comment').max(4000),
});
export type ReviewCommentInput = z.infer<typeof reviewCommentInputSchema>;

/** Sends the questionnaire back: questions with open comments unlock for the vendor. */
export const requestChangesSchema = z.strictObject({
  comments: z.array(reviewCommentInputSchema).max(200).optional(),
  message: z.string().trim().max(4000).optional(),
  /** A new due date for the round; needed when the old one (plus grace) has passed. */
  dueOn: calendarDateSchema.optional(),
});
export type RequestChangesInput = z.infer<typeof requestChangesSchema>;

export const verifyEvidenceSchema = z.strictObject({ verified: z.boolean() });
