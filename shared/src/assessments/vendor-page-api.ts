import { z } from 'zod';
import { answerInputSchema } from '../questionnaire/answer-schema';
import { questionIdSchema } from '../questionnaire/condition-schema';
import { publicTemplateSchema } from '../questionnaire/public-view';
import { publicUseContextSchema } from '../questionnaire/use-context';
import { carriedAnswerStates, materialChangeKinds } from '../reviews/review-enums';
import { assessmentStateSchema } from './assessment-states';
import { calendarDateSchema } from './dates';

/** The header that carries the link's token: never a query parameter, so it stays out of logs. */
export const ASSESSMENT_TOKEN_HEADER = 'x-assessment-token';

/** 32 random bytes in base64url without padding. */
export const assessmentTokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** What the vendor may do right now: answer everything, fix the questioned answers, or only read. */
export const vendorPageModes = ['answering', 'changes', 'read_only'] as const;
export type VendorPageMode = (typeof vendorPageModes)[number];

export const publicAnswerSchema = z.strictObject({
  value: z.union([z.string(), z.array(z.string()), z.number()]).optional(),
  notApplicable: z.boolean().optional(),
  comment: z.string().optional(),
});

export const publicEvidenceSchema = z.strictObject({
  id: z.uuid(),
  questionId: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  expiresOn: z.string().nullable(),
  uploadedAt: z.string(),
  /** Carried over from the last assessment cycle (kept while its answer is confirmed unchanged). */
  carriedOver: z.boolean().optional(),
});
export type PublicEvidence = z.infer<typeof publicEvidenceSchema>;

export const publicReviewCommentSchema = z.strictObject({
  questionId: z.string(),
  comment: z.string(),
  createdAt: z.string(),
});

/**
 * Everything the vendor page receives, and nothing more: built field by field on the server and
 * checked against this strict schema, so an internal field cannot slip out by accident.
 */
export const vendorViewSchema = z.strictObject({
  assessment: z.strictObject({
    state: assessmentStateSchema,
    mode: z.enum(vendorPageModes),
    organisationName: z.string(),
    vendorName: z.string(),
    respondentName: z.string(),
    dueOn: z.string(),
    submittedAt: z.string().nullable(),
    contact: z.strictObject({ name: z.string(), email: z.string() }),
    you: z.strictObject({ name: z.string().nullable(), email: z.string(), colleague: z.boolean() }),
  }),
  template: publicTemplateSchema,
  /**
   * The organisation's use profile, shown read-only as context; the page passes it to
   * resolveVisibility so it shows the questions the server scores. Optional until the server sends it:
   * without it, every condition on the use context counts as unknown and shows its questions.
   */
  useContext: publicUseContextSchema.optional(),
  answers: z.record(z.string(), publicAnswerSchema),
  /** Each saved answer's revision, to send back as the base of the next save (see saveAnswersSchema). */
  revisions: z.record(z.string(), z.number().int().min(1)),
  evidence: z.array(publicEvidenceSchema),
  reviewComments: z.array(publicReviewCommentSchema),
  /** In "changes" mode, the only questions that can change. */
  editableQuestionIds: z.array(z.string()).nullable(),
  /**
   * In a reassessment: the answers carried over from the last cycle, and whether the vendor has
   * confirmed or changed each one yet ("prefilled" still needs one or the other before submitting).
   */
  carried: z.record(z.string(), z.enum(carriedAnswerStates)).optional(),
  /** Material changes the vendor declared on this questionnaire, newest first. */
  materialChanges: z
    .array(
      z.strictObject({
        kind: z.enum(materialChangeKinds),
        description: z.string(),
        declaredAt: z.string(),
      }),
    )
    .optional(),
});
export type VendorView = z.infer<typeof vendorViewSchema>;

/**
 * Autosave sends only what changed since the last save. `baseRevisions` names, per answer, the revision
 * the change started from (0: no answer yet); when someone else saved that answer since, nothing is saved
 * and the answer comes back as a conflict (409) for the person to choose. Without it, the save overwrites.
 */
export const saveAnswersSchema = z.strictObject({
  answers: z
    .record(questionIdSchema, answerInputSchema)
    .refine((r) => Object.keys(r).length > 0, 'send at least one answer')
    .refine((r) => Object.keys(r).length <= 300, 'at most 300 answers at a time'),
  baseRevisions: z.record(questionIdSchema, z.number().int().min(0).max(2_147_483_647)).optional(),
});
export type SaveAnswersInput = z.infer<typeof saveAnswersSchema>;

export const saveAnswersResultSchema = z.strictObject({
  saved: z.array(z.string()),
  state: assessmentStateSchema,
  /** The new revision of each saved answer. */
  revisions: z.record(z.string(), z.number().int().min(1)),
});

/** One answer someone else saved since the base revision the save named (details of the 409). */
export const answerConflictSchema = z.strictObject({
  questionId: z.string(),
  /** What is saved now (an empty object when the other person cleared it). */
  theirs: publicAnswerSchema,
  revision: z.number().int().min(1),
  /** The name (or email) on the link that saved it. */
  savedBy: z.string().nullable(),
  savedAt: z.string(),
});
export type AnswerConflict = z.infer<typeof answerConflictSchema>;

export const inviteColleagueSchema = z.strictObject({
  name: z.string().trim().min(1, 'give the name').max(200),
  email: z
    .email()
    .max(254)
    .transform((s) => s.toLowerCase()),
});

/** The form fields beside an evidence file (multipart). */
export const evidenceFieldsSchema = z.strictObject({
  questionId: questionIdSchema,
  expiresOn: calendarDateSchema.optional(),
});

export const submitProblemSchema = z.strictObject({
  questionId: z.string(),
  sectionId: z.string(),
  problem: z.enum(['unanswered', 'invalid', 'file_missing', 'unconfirmed']),
  detail: z.string().optional(),
});
export type SubmitProblem = z.infer<typeof submitProblemSchema>;

// Answers of the vendor page's other routes.

export const colleagueInvitedSchema = z.strictObject({ invited: z.string() });
export const submittedSchema = z.strictObject({ state: assessmentStateSchema, submittedAt: z.string() });
export const answersConfirmedSchema = z.strictObject({ confirmed: z.array(z.string()) });
export const materialChangeDeclaredSchema = z.strictObject({
  id: z.uuid(),
  kind: z.enum(materialChangeKinds),
  description: z.string(),
  declaredAt: z.string(),
});
