import { z } from 'zod';
import { personName, respondentEmailSchema } from '../assessments/assessment-api';
import { riskTierSchema } from '../assessments/assessment-states';
import { calendarDateSchema } from '../assessments/dates';
import { serviceIdSchema } from '../catalog/service-id';
import { daySchema, timestampSchema } from '../http/json-values';
import { questionIdSchema } from '../questionnaire/condition-schema';
import { recommendationSchema } from '../scoring/score-result-schema';
import {
  carriedAnswerStates,
  incidentSeverities,
  incidentSources,
  materialChangeKinds,
  reviewReasonSchema,
} from './review-enums';

/**
 * Starts the next cycle from a decided assessment: the current template, last cycle's answers and
 * evidence carried over where the questions still exist. Respondent defaults to last cycle's.
 */
export const startReassessmentSchema = z.strictObject({
  dueOn: calendarDateSchema,
  respondentName: personName.optional(),
  respondentEmail: respondentEmailSchema.optional(),
  /** Defaults to the newest shipped A.10 template. */
  templateId: z.uuid().optional(),
  /** Send at once (the default) or keep a draft. */
  send: z.boolean().optional(),
});
export type StartReassessmentInput = z.infer<typeof startReassessmentSchema>;

export const recordIncidentSchema = z.strictObject({
  occurredOn: calendarDateSchema,
  description: z.string().trim().min(1, 'describe what happened').max(4000),
  severity: z.enum(incidentSeverities),
  source: z.enum(incidentSources),
});
export type RecordIncidentInput = z.infer<typeof recordIncidentSchema>;

export const declareMaterialChangeSchema = z.strictObject({
  kind: z.enum(materialChangeKinds),
  description: z.string().trim().min(1, 'describe the change').max(4000),
});
export type DeclareMaterialChangeInput = z.infer<typeof declareMaterialChangeSchema>;

/** The vendor confirms prefilled answers are still true (unchanged, evidence kept). */
export const confirmAnswersSchema = z.strictObject({
  questionIds: z.array(questionIdSchema).min(1, 'name at least one question').max(300),
});
export type ConfirmAnswersInput = z.infer<typeof confirmAnswersSchema>;

export const dueReasonSchema = z.strictObject({
  reason: reviewReasonSchema,
  /** Names this occurrence (the document and its expiry, the incident …); one notice is mailed per key. */
  key: z.string(),
  /** Plain words, e.g. "Review date 2027-01-10 (tier high)" or "SOC 2 report expires 2027-01-02". */
  label: z.string(),
  /** The date the reason is counted from (due date, expiry, incident date, declaration). */
  on: daySchema,
  serviceId: serviceIdSchema.nullable(),
});
export type DueReason = z.infer<typeof dueReasonSchema>;

export const dueVendorSchema = z.strictObject({
  vendorId: z.uuid(),
  vendorName: z.string(),
  tier: z.string().nullable(),
  services: z.array(
    z.strictObject({
      serviceId: serviceIdSchema.nullable(),
      serviceName: z.string().nullable(),
      /** The latest decided assessment: what "Start reassessment" carries over. */
      latestDecidedAssessmentId: z.uuid().nullable(),
      /** A cycle already under way for this service (no second one may start). */
      openAssessmentId: z.uuid().nullable(),
    }),
  ),
  reasons: z.array(dueReasonSchema),
  /** The earliest date among the reasons, and how many days from today (negative: overdue). */
  dueOn: daySchema,
  daysUntilDue: z.number().int(),
  overdue: z.boolean(),
});
export type DueVendor = z.infer<typeof dueVendorSchema>;

export const dueListSchema = z.strictObject({
  today: daySchema,
  vendors: z.array(dueVendorSchema),
});
export type DueList = z.infer<typeof dueListSchema>;

// Answers of the review routes.

export const incidentViewSchema = z.strictObject({
  id: z.uuid(),
  occurredOn: daySchema,
  description: z.string(),
  severity: z.enum(incidentSeverities),
  source: z.enum(incidentSources),
  recordedAt: timestampSchema,
  recordedBy: z.string().nullable(),
});
export const incidentListSchema = z.strictObject({ incidents: z.array(incidentViewSchema) });
export type IncidentView = z.infer<typeof incidentViewSchema>;

export const materialChangeListSchema = z.strictObject({
  changes: z.array(
    z.strictObject({
      id: z.uuid(),
      assessmentId: z.uuid(),
      kind: z.enum(materialChangeKinds),
      description: z.string(),
      declaredAt: timestampSchema,
    }),
  ),
});

const cycleScoreSchema = z.strictObject({
  inherent: z.strictObject({ score: z.number(), tier: riskTierSchema }),
  residual: z.strictObject({ score: z.number().nullable(), tier: riskTierSchema.nullable() }),
  bySection: z.record(z.string(), z.number().nullable()),
  recommendation: recommendationSchema,
});

/** Cycle N against cycle N−1: scores before and after, and each answer that changed. */
export const cycleDiffSchema = z.union([
  z.strictObject({
    cycle: z.number().int(),
    previous: z.null(),
    questions: z.array(z.never()),
    scores: z.null(),
    sectionTitles: z.strictObject({}),
  }),
  z.strictObject({
    cycle: z.number().int(),
    previous: z.strictObject({ id: z.uuid(), cycle: z.number().int() }),
    questions: z.array(
      z.strictObject({
        questionId: z.string(),
        text: z.string(),
        status: z.enum(['new', 'removed', 'same', 'changed']),
        carried: z.enum(carriedAnswerStates).nullable(),
        previousAnswer: z.string().nullable(),
        answer: z.string().nullable(),
        evidence: z.strictObject({
          kept: z.array(z.string()),
          dropped: z.array(z.string()),
          added: z.array(z.string()),
        }),
      }),
    ),
    scores: z.strictObject({ previous: cycleScoreSchema.nullable(), current: cycleScoreSchema.nullable() }),
    sectionTitles: z.record(z.string(), z.string()),
  }),
]);
export type CycleDiff = z.infer<typeof cycleDiffSchema>;
