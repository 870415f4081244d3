import {
  assessmentPageQuerySchema,
  createAssessmentSchema,
  requestChangesSchema,
  resendAssessmentSchema,
  reviewCommentInputSchema,
  revokeAssessmentSchema,
  updateDraftSchema,
  verifyEvidenceSchema,
} from '@sightline/shared/assessments/assessment-api';
import {
  assessmentDetailSchema,
  assessmentListSchema,
  assessmentStateChangeSchema,
  changesRequestedSchema,
  evidenceVerifiedSchema,
  overrideSetSchema,
  overrideWithdrawnSchema,
  type SendResult,
  sendResultSchema,
} from '@sightline/shared/assessments/assessment-views';
import { overrideInputSchema, withdrawOverrideSchema } from '@sightline/shared/decisions/decision-api';
import { idSchema, okSchema } from '@sightline/shared/http/ok';
import { questionIdSchema } from '@sightline/shared/questionnaire/condition-schema';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
import { staffActor } from '../../middleware/access';
import { errors, json } from '../../openapi-responses';
import { serviceDeps } from '../../service-deps';
import { validate } from '../../validation';
import { attachmentResponse, storedFileResponse } from '../evidence/stored-files';
import { evidenceDownload, getAssessmentDetail, listAssessments } from './assessment-queries';
import { createAssessment } from './create-assessment';
import { updateDraft } from './draft-service';
import { setOverride, withdrawOverride } from './override-service';
import { addReviewComment, deleteReviewComment, requestChanges, startReview } from './review-service';
import { resendAssessment, revokeAssessment, sendAssessment } from './send-service';
import { verifyEvidence } from './verify-evidence';

const tags = ['Assessments'];
const idParam = z.object({ id: z.uuid() });

export const assessmentRoutes = new Hono<AppEnv>()
  .get(
    '/api/assessments',
    describeRoute({
      tags,
      summary: 'Assessments, newest first, a page at a time; filter by state or vendor',
      responses: { 200: json(assessmentListSchema, 'A page of assessments, newest first') },
    }),
    validate('query', assessmentPageQuerySchema),
    async (c) => {
      const { cursor, limit, ...filters } = c.req.valid('query');
      return c.json(await listAssessments(c.get('deps').db, filters, { cursor, limit }), 200);
    },
  )
  .post(
    '/api/assessments',
    describeRoute({
      tags,
      summary: 'Create an assessment from a vendor, a service or an access request (optionally send it)',
      responses: { 201: json(sendResultSchema, 'Created (and sent when asked)'), ...errors(404, 409) },
    }),
    validate('json', createAssessmentSchema),
    async (c) => {
      const deps = serviceDeps(c);
      const input = c.req.valid('json');
      const actor = staffActor(c);
      const created = await createAssessment(deps, actor, input);
      const draft: SendResult = { id: created.id, state: 'draft', mailed: false };
      if (!input.send) return c.json(draft, 201);
      return c.json(await sendAssessment(deps, actor, created.id), 201);
    },
  )
  .get(
    '/api/assessments/:id',
    describeRoute({
      tags,
      summary:
        'One assessment: questions as sent, answers, evidence, comments, overrides, findings, links and timeline',
      responses: { 200: json(assessmentDetailSchema, 'The assessment'), ...errors(404, 409) },
    }),
    validate('param', idParam),
    async (c) => {
      return c.json(await getAssessmentDetail(serviceDeps(c), c.req.valid('param').id), 200);
    },
  )
  .patch(
    '/api/assessments/:id',
    describeRoute({
      tags,
      summary: "Change a draft's respondent, template or due date",
      responses: { 200: json(assessmentStateChangeSchema, 'The draft, changed'), ...errors(404, 409) },
    }),
    validate('param', idParam),
    validate('json', updateDraftSchema),
    async (c) =>
      c.json(
        await updateDraft(serviceDeps(c), staffActor(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .post(
    '/api/assessments/:id/send',
    describeRoute({
      tags,
      summary: 'Send a draft: snapshot the questions, issue the link, mail it',
      responses: { 200: json(sendResultSchema, 'Sent'), ...errors(404, 409) },
    }),
    validate('param', idParam),
    async (c) => c.json(await sendAssessment(serviceDeps(c), staffActor(c), c.req.valid('param').id), 200),
  )
  .post(
    '/api/assessments/:id/resend',
    describeRoute({
      tags,
      summary: 'Mail a new link (the old one stops working); reopen an expired one with a new due date',
      responses: { 200: json(sendResultSchema, 'Sent again'), ...errors(404, 409) },
    }),
    validate('param', idParam),
    validate('json', resendAssessmentSchema),
    async (c) =>
      c.json(
        await resendAssessment(serviceDeps(c), staffActor(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .post(
    '/api/assessments/:id/revoke',
    describeRoute({
      tags,
      summary: 'Withdraw the questionnaire; every link answers 410',
      responses: { 200: json(assessmentStateChangeSchema, 'Revoked'), ...errors(404, 409) },
    }),
    validate('param', idParam),
    validate('json', revokeAssessmentSchema),
    async (c) =>
      c.json(
        await revokeAssessment(serviceDeps(c), staffActor(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .post(
    '/api/assessments/:id/comments',
    describeRoute({
      tags,
      summary: "A reviewer's comment on one question (sent to the vendor with a change request)",
      responses: { 201: json(idSchema, 'The new comment'), ...errors(404, 409) },
    }),
    validate('param', idParam),
    validate('json', reviewCommentInputSchema),
    async (c) =>
      c.json(
        await addReviewComment(serviceDeps(c), staffActor(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )
  .delete(
    '/api/assessments/:id/comments/:commentId',
    describeRoute({
      tags,
      summary: 'Remove an open comment that has not been sent to the vendor',
      responses: { 200: json(okSchema, 'Removed'), ...errors(404, 409) },
    }),
    validate('param', z.object({ id: z.uuid(), commentId: z.uuid() })),
    async (c) => {
      const { id, commentId } = c.req.valid('param');
      await deleteReviewComment(serviceDeps(c), staffActor(c), id, commentId);
      return c.json({ ok: true }, 200);
    },
  )
  .post(
    '/api/assessments/:id/request-changes',
    describeRoute({
      tags,
      summary: 'Send the questionnaire back; only questions with open comments unlock',
      responses: { 200: json(changesRequestedSchema, 'Sent back to the vendor'), ...errors(404, 409) },
    }),
    validate('param', idParam),
    validate('json', requestChangesSchema),
    async (c) =>
      c.json(
        await requestChanges(serviceDeps(c), staffActor(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .post(
    '/api/assessments/:id/start-review',
    describeRoute({
      tags,
      summary: 'Take a submitted questionnaire into review',
      responses: { 200: json(assessmentStateChangeSchema, 'Under review'), ...errors(404, 409) },
    }),
    validate('param', idParam),
    async (c) => c.json(await startReview(serviceDeps(c), staffActor(c), c.req.valid('param').id), 200),
  )
  .get(
    '/api/assessments/:id/evidence/:evidenceId/file',
    describeRoute({
      tags,
      summary: 'Download an evidence file (always as an attachment, nosniff)',
      responses: { 200: storedFileResponse, ...errors(404) },
    }),
    validate('param', z.object({ id: z.uuid(), evidenceId: z.uuid() })),
    async (c) => {
      const { id, evidenceId } = c.req.valid('param');
      return attachmentResponse(await evidenceDownload(c.get('deps').db, id, evidenceId));
    },
  )
  .post(
    '/api/assessments/:id/evidence/:evidenceId/verify',
    describeRoute({
      tags,
      summary: 'Mark an evidence file verified (or not); the score is recomputed',
      responses: { 200: json(evidenceVerifiedSchema, 'Marked'), ...errors(404, 409) },
    }),
    validate('param', z.object({ id: z.uuid(), evidenceId: z.uuid() })),
    validate('json', verifyEvidenceSchema),
    async (c) => {
      const { id, evidenceId } = c.req.valid('param');
      return c.json(
        await verifyEvidence(serviceDeps(c), staffActor(c), id, evidenceId, c.req.valid('json').verified),
        200,
      );
    },
  )
  .post(
    '/api/assessments/:id/overrides',
    describeRoute({
      tags,
      summary: "Replace one question's points (0 to 1) with a reason; the score is recomputed",
      responses: { 200: json(overrideSetSchema, 'Overridden, and the new score'), ...errors(404, 409) },
    }),
    validate('param', idParam),
    validate('json', overrideInputSchema),
    async (c) =>
      c.json(
        await setOverride(serviceDeps(c), staffActor(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .delete(
    '/api/assessments/:id/overrides/:questionId',
    describeRoute({
      tags,
      summary: 'Withdraw an override (optionally saying why); the score is recomputed',
      responses: { 200: json(overrideWithdrawnSchema, 'Withdrawn, and the new score'), ...errors(404, 409) },
    }),
    validate('param', z.object({ id: z.uuid(), questionId: questionIdSchema })),
    validate('json', withdrawOverrideSchema),
    async (c) => {
      const { id, questionId } = c.req.valid('param');
      return c.json(
        await withdrawOverride(serviceDeps(c), staffActor(c), id, questionId, c.req.valid('json').reason),
        200,
      );
    },
  );
