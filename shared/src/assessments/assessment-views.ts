import { z } from 'zod';
import { findingViewSchema } from '../findings/findings-api';
import { daySchema, timestampSchema } from '../http/json-values';
import { pageSchema } from '../http/paging';
import { mailStatuses } from '../mail/mail-statuses';
import { templateShapeSchema } from '../questionnaire/template-schema';
import { recommendationSchema, scoreResultSchema } from '../scoring/score-result-schema';
import { assessmentStateSchema, riskTierSchema, tokenKinds } from './assessment-states';

// What the assessment routes answer (their inputs are in assessment-api.ts).

export const assessmentListItemSchema = z.strictObject({
  id: z.uuid(),
  state: assessmentStateSchema,
  vendorId: z.uuid(),
  vendorName: z.string(),
  serviceId: z.string().nullable(),
  respondentName: z.string(),
  respondentEmail: z.string(),
  dueOn: daySchema,
  sentAt: timestampSchema.nullable(),
  firstOpenedAt: timestampSchema.nullable(),
  submittedAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  templateTitle: z.string(),
  templateVersion: z.number().int(),
});
/** A page of assessments, newest first. */
export const assessmentListSchema = pageSchema(assessmentListItemSchema);
export type AssessmentListItem = z.infer<typeof assessmentListItemSchema>;

/**
 * A questionnaire created, sent or sent again. `link` comes back once, and only when no SMTP server
 * could carry it, so someone can pass it on by hand.
 */
export const sendResultSchema = z.strictObject({
  id: z.uuid(),
  state: assessmentStateSchema,
  mailed: z.boolean(),
  link: z.string().optional(),
});
export type SendResult = z.infer<typeof sendResultSchema>;

export const assessmentStateChangeSchema = z.strictObject({ id: z.uuid(), state: assessmentStateSchema });

/** Sent back to the vendor: the questions its open comments unlock. */
export const changesRequestedSchema = z.strictObject({
  id: z.uuid(),
  state: assessmentStateSchema,
  questionIds: z.array(z.string()),
  link: z.string().optional(),
});

export const evidenceVerifiedSchema = z.strictObject({ id: z.uuid(), verified: z.boolean() });

/** The score after an override changed one question's points (null while nothing is scored). */
const rescoredSchema = z
  .strictObject({
    residual: z.number().nullable(),
    residualTier: riskTierSchema.nullable(),
    recommendation: recommendationSchema,
  })
  .nullable();
export const overrideSetSchema = z.strictObject({
  questionId: z.string(),
  points: z.number(),
  reason: z.string(),
  score: rescoredSchema,
});
export const overrideWithdrawnSchema = z.strictObject({
  questionId: z.string(),
  withdrawn: z.boolean(),
  score: rescoredSchema,
});

/** The assessment as stored (its question snapshot is given apart, as `questions`). */
const assessmentRecordSchema = z.strictObject({
  id: z.uuid(),
  vendorId: z.uuid(),
  serviceId: z.string().nullable(),
  accessRequestId: z.uuid().nullable(),
  templateId: z.uuid(),
  state: assessmentStateSchema,
  respondentName: z.string(),
  respondentEmail: z.string(),
  dueOn: daySchema,
  /** As stored: normally a use context (questionnaire/use-context.ts); an old row may hold another shape. */
  useContext: z.unknown(),
  sentAt: timestampSchema.nullable(),
  firstOpenedAt: timestampSchema.nullable(),
  submittedAt: timestampSchema.nullable(),
  expiresAt: timestampSchema.nullable(),
  reminder7SentAt: timestampSchema.nullable(),
  reminder3SentAt: timestampSchema.nullable(),
  reminder1SentAt: timestampSchema.nullable(),
  scoreResult: scoreResultSchema.nullable(),
  scoredAt: timestampSchema.nullable(),
  cycle: z.number().int(),
  previousAssessmentId: z.uuid().nullable(),
  createdBy: z.string().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

/** One assessment with everything the staff page shows. */
export const assessmentDetailSchema = z.strictObject({
  assessment: assessmentRecordSchema,
  vendor: z.strictObject({ id: z.uuid(), name: z.string() }),
  template: z.strictObject({ id: z.uuid(), key: z.string(), version: z.number().int(), title: z.string() }),
  /** The questions as sent (a draft shows its template's current ones). */
  questions: templateShapeSchema,
  answers: z.array(
    z.strictObject({
      questionId: z.string(),
      value: z.unknown(),
      notApplicable: z.boolean(),
      comment: z.string().nullable(),
      locked: z.boolean(),
      updatedAt: timestampSchema,
      savedBy: z.string().nullable(),
    }),
  ),
  evidence: z.array(
    z.strictObject({
      id: z.uuid(),
      questionId: z.string(),
      expiresOn: daySchema.nullable(),
      uploadedAt: timestampSchema,
      verifiedAt: timestampSchema.nullable(),
      fileName: z.string(),
      mediaType: z.string(),
      sizeBytes: z.number().int(),
      sha256: z.string(),
    }),
  ),
  comments: z.array(
    z.strictObject({
      id: z.uuid(),
      questionId: z.string(),
      comment: z.string(),
      createdAt: timestampSchema,
      resolvedAt: timestampSchema.nullable(),
      authorName: z.string().nullable(),
    }),
  ),
  /** The links issued, never their values. */
  tokens: z.array(
    z.strictObject({
      id: z.uuid(),
      kind: z.enum(tokenKinds),
      issuedToName: z.string().nullable(),
      issuedToEmail: z.string(),
      createdAt: timestampSchema,
      supersededAt: timestampSchema.nullable(),
      revokedAt: timestampSchema.nullable(),
      lastUsedAt: timestampSchema.nullable(),
    }),
  ),
  timeline: z.array(
    z.strictObject({
      seq: z.number().int(),
      at: timestampSchema,
      actorType: z.string(),
      actorLabel: z.string().nullable(),
      action: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
  mails: z.array(
    z.strictObject({
      id: z.uuid(),
      toAddress: z.string(),
      subject: z.string(),
      purpose: z.string(),
      status: z.enum(mailStatuses),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      createdAt: timestampSchema,
      sentAt: timestampSchema.nullable(),
    }),
  ),
  overrides: z.array(
    z.strictObject({
      questionId: z.string(),
      points: z.number(),
      reason: z.string(),
      authorName: z.string().nullable(),
      authorEmail: z.string().nullable(),
      createdAt: timestampSchema,
    }),
  ),
  findings: z.array(findingViewSchema),
  progress: z.strictObject({
    answered: z.number().int(),
    total: z.number().int(),
    requiredAnswered: z.number().int(),
    requiredTotal: z.number().int(),
  }),
  /** What still blocks a submit. */
  missing: z.array(
    z.strictObject({
      questionId: z.string(),
      sectionId: z.string(),
      problem: z.enum(['unanswered', 'invalid', 'file_missing']),
      detail: z.string().optional(),
    }),
  ),
});
export type AssessmentDetail = z.infer<typeof assessmentDetailSchema>;
