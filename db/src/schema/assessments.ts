import {
  assessmentStates,
  decisionOutcomes,
  tokenKinds,
} from '@sightline/shared/assessments/assessment-states';
import { carriedAnswerStates } from '@sightline/shared/reviews/review-enums';
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import { storedFile } from './files';
import { accessRequest } from './usage';
import { riskTier, vendor } from './vendors';

export const assessmentState = pgEnum('assessment_state', assessmentStates);
export const tokenKind = pgEnum('assessment_token_kind', tokenKinds);
export const decisionOutcome = pgEnum('decision_outcome', decisionOutcomes);
export const carriedAnswerState = pgEnum('carried_answer_state', carriedAnswerStates);

/** Versioned questionnaire templates; `definition` is validated by the shared template schema. */
export const questionnaireTemplate = pgTable(
  'questionnaire_template',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    definition: jsonb('definition').notNull(),
    builtIn: boolean('built_in').notNull().default(false),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [uniqueIndex('questionnaire_template_key_version_uq').on(t.key, t.version)],
);

export const assessment = pgTable(
  'assessment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendor.id, { onDelete: 'restrict' }),
    serviceId: text('service_id'),
    accessRequestId: uuid('access_request_id').references(() => accessRequest.id, { onDelete: 'set null' }),
    templateId: uuid('template_id')
      .notNull()
      .references(() => questionnaireTemplate.id, { onDelete: 'restrict' }),
    /** The template's definition as it was when sent: editing a template never changes what was asked. */
    questionsSnapshot: jsonb('questions_snapshot'),
    state: assessmentState('state').notNull().default('draft'),
    respondentName: text('respondent_name').notNull(),
    respondentEmail: text('respondent_email').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** Inputs to inherent risk that come from the organisation, not the vendor (use, data, users seen). */
    useContext: jsonb('use_context'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    firstOpenedAt: timestamp('first_opened_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    reminder7SentAt: timestamp('reminder_7_sent_at', { withTimezone: true }),
    reminder3SentAt: timestamp('reminder_3_sent_at', { withTimezone: true }),
    reminder1SentAt: timestamp('reminder_1_sent_at', { withTimezone: true }),
    scoreResult: jsonb('score_result'),
    scoredAt: timestamp('scored_at', { withTimezone: true }),
    /** 1 for a vendor and service's first assessment, one more for each reassessment. */
    cycle: integer('cycle').notNull().default(1),
    /** The cycle this one reassesses; its answers and evidence were carried over. */
    previousAssessmentId: uuid('previous_assessment_id').references((): AnyPgColumn => assessment.id, {
      onDelete: 'set null',
    }),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [index('assessment_vendor_idx').on(t.vendorId), index('assessment_state_idx').on(t.state)],
);

/**
 * Link tokens for the vendor page. Only the SHA-256 is stored. A resend or reminder supersedes the
 * previous primary token; a colleague token lives beside it.
 */
export const assessmentToken = pgTable(
  'assessment_token',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessment.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    kind: tokenKind('kind').notNull(),
    issuedToName: text('issued_to_name'),
    issuedToEmail: text('issued_to_email').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('assessment_token_assessment_idx').on(t.assessmentId)],
);

export const assessmentAnswer = pgTable(
  'assessment_answer',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessment.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    /** The answer's value, shaped by the question type (validated by the shared answer schema). */
    value: jsonb('value'),
    notApplicable: boolean('not_applicable').notNull().default(false),
    comment: text('comment'),
    /** Locked after submit; a "changes requested" round unlocks only the questioned items. */
    locked: boolean('locked').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    updatedByTokenId: uuid('updated_by_token_id'),
    /**
     * 1 for the first save, one more for each later one. Several people can answer through their own
     * links at once; a save names the revision it started from, so one cannot silently overwrite another.
     */
    revision: integer('revision').notNull().default(1),
    /** In a reassessment: carried over and awaiting the vendor, confirmed, or changed (null otherwise). */
    carriedState: carriedAnswerState('carried_state'),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.questionId] })],
);

export const evidenceFile = pgTable(
  'evidence_file',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessment.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id, { onDelete: 'restrict' }),
    /** For certificates: when the evidence stops being valid. */
    expiresOn: date('expires_on', { mode: 'string' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).defaultNow().notNull(),
    uploadedByTokenId: uuid('uploaded_by_token_id'),
    verifiedBy: text('verified_by').references(() => user.id, { onDelete: 'set null' }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    /** The previous cycle's evidence row this one was carried over from (same stored file). */
    carriedFromId: uuid('carried_from_id'),
  },
  (t) => [index('evidence_file_assessment_idx').on(t.assessmentId, t.questionId)],
);

/** A reviewer's comment on one question; open comments unlock that answer for the vendor. */
export const reviewComment = pgTable(
  'review_comment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessment.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    comment: text('comment').notNull(),
    authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [index('review_comment_assessment_idx').on(t.assessmentId)],
);

/** A reviewer's override of one question's points, with the reason; feeds the score breakdown. */
export const scoreOverride = pgTable(
  'score_override',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessment.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    points: jsonb('points').$type<number>().notNull(),
    reason: text('reason').notNull(),
    authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.questionId] })],
);

/**
 * The approver's decision on an assessment: one per assessment, never changed (a later decision
 * needs a new assessment cycle). It records what it set, so the audit and reports can show it.
 */
export const decision = pgTable(
  'decision',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessment.id, { onDelete: 'restrict' }),
    serviceId: text('service_id'),
    outcome: decisionOutcome('outcome').notNull(),
    conditions: text('conditions'),
    rationale: text('rationale').notNull(),
    /** The residual tier scoring gave, and the tier the vendor got (differs only with a reason). */
    residualTier: riskTier('residual_tier'),
    tier: riskTier('tier'),
    tierReason: text('tier_reason'),
    nextReviewOn: date('next_review_on', { mode: 'string' }),
    /** The policy state the service was given, when the assessment names a service. */
    policyState: text('policy_state'),
    aiSystemId: uuid('ai_system_id'),
    decidedBy: text('decided_by').references(() => user.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [uniqueIndex('decision_assessment_uq').on(t.assessmentId)],
);
