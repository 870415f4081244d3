import {
  answersConfirmedSchema,
  colleagueInvitedSchema,
  evidenceFieldsSchema,
  inviteColleagueSchema,
  materialChangeDeclaredSchema,
  publicEvidenceSchema,
  saveAnswersResultSchema,
  saveAnswersSchema,
  submittedSchema,
  vendorViewSchema,
} from '@sightline/shared/assessments/vendor-page-api';
import { okSchema } from '@sightline/shared/http/ok';
import { confirmAnswersSchema, declareMaterialChangeSchema } from '@sightline/shared/reviews/review-api';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
import { errors, json } from '../../openapi-responses';
import { serviceDeps } from '../../service-deps';
import { validate } from '../../validation';
import { readUpload, uploadBodyLimit } from '../evidence/multipart';
import { confirmCarriedAnswers } from './carried-answers';
import { declareMaterialChange } from './material-changes';
import { saveAnswers, submitAnswers } from './vendor-answers-service';
import { inviteColleague } from './vendor-colleague-service';
import { removeEvidence, uploadEvidence } from './vendor-evidence-service';
import { currentVendor, vendorTokenAuth } from './vendor-token-auth';
import { getVendorView } from './vendor-view-service';

const tags = ['Vendor questionnaire page'];
/** Documents the link's token for API readers; the middleware is what enforces it. */
const parameters = [
  {
    name: 'x-assessment-token',
    in: 'header' as const,
    required: true,
    description: 'The token from the questionnaire link (the part after #)',
    schema: { type: 'string' as const },
  },
];

/** Every route here takes only the link's token (header x-assessment-token); staff sessions count for nothing. */
export const vendorPageRoutes = new Hono<AppEnv>()
  .get(
    '/api/vendor/assessment',
    describeRoute({
      tags,
      parameters,
      summary: 'The questionnaire, your answers, files and reviewer comments',
      responses: { 200: json(vendorViewSchema, 'The questionnaire as the vendor sees it') },
    }),
    vendorTokenAuth,
    async (c) => c.json(await getVendorView(serviceDeps(c), currentVendor(c)), 200),
  )
  .put(
    '/api/vendor/answers',
    describeRoute({
      tags,
      parameters,
      summary: 'Save answers (autosave sends what changed)',
      responses: { 200: json(saveAnswersResultSchema, 'Saved'), ...errors(409) },
    }),
    vendorTokenAuth,
    validate('json', saveAnswersSchema),
    async (c) => c.json(await saveAnswers(serviceDeps(c), currentVendor(c), c.req.valid('json')), 200),
  )
  .post(
    '/api/vendor/evidence',
    describeRoute({
      tags,
      parameters,
      summary: 'Upload a file for a question (multipart: file, questionId, expiresOn); 25 MB max',
      responses: { 201: json(publicEvidenceSchema, 'Stored'), ...errors(409, 415) },
    }),
    vendorTokenAuth,
    uploadBodyLimit,
    async (c) => {
      const { fields, upload } = await readUpload(c, evidenceFieldsSchema);
      return c.json(await uploadEvidence(serviceDeps(c), currentVendor(c), fields, upload), 201);
    },
  )
  .delete(
    '/api/vendor/evidence/:id',
    describeRoute({
      tags,
      parameters,
      summary: 'Remove an uploaded file',
      responses: { 200: json(okSchema, 'Removed'), ...errors(409) },
    }),
    vendorTokenAuth,
    validate('param', z.object({ id: z.uuid() })),
    async (c) => {
      await removeEvidence(serviceDeps(c), currentVendor(c), c.req.valid('param').id);
      return c.json({ ok: true }, 200);
    },
  )
  .post(
    '/api/vendor/colleagues',
    describeRoute({
      tags,
      parameters,
      summary: 'Invite a colleague: they get their own link by mail',
      responses: { 201: json(colleagueInvitedSchema, 'Invited'), ...errors(409) },
    }),
    vendorTokenAuth,
    validate('json', inviteColleagueSchema),
    async (c) => c.json(await inviteColleague(serviceDeps(c), currentVendor(c), c.req.valid('json')), 201),
  )
  .post(
    '/api/vendor/submit',
    describeRoute({
      tags,
      parameters,
      summary: 'Submit: checks required answers and files, then locks the answers',
      responses: { 200: json(submittedSchema, 'Submitted'), ...errors(409) },
    }),
    vendorTokenAuth,
    async (c) => c.json(await submitAnswers(serviceDeps(c), currentVendor(c)), 200),
  )
  .post(
    '/api/vendor/answers/confirm',
    describeRoute({
      tags,
      parameters,
      summary: 'Confirm answers carried over from the last assessment are still true (their files stay)',
      responses: { 200: json(answersConfirmedSchema, 'Confirmed'), ...errors(409) },
    }),
    vendorTokenAuth,
    validate('json', confirmAnswersSchema),
    async (c) =>
      c.json(await confirmCarriedAnswers(serviceDeps(c), currentVendor(c), c.req.valid('json')), 200),
  )
  .post(
    '/api/vendor/material-changes',
    describeRoute({
      tags,
      parameters,
      summary: 'Declare a material change (new model provider, new region, training practice, other)',
      responses: { 201: json(materialChangeDeclaredSchema, 'Declared'), ...errors(409) },
    }),
    vendorTokenAuth,
    validate('json', declareMaterialChangeSchema),
    async (c) =>
      c.json(await declareMaterialChange(serviceDeps(c), currentVendor(c), c.req.valid('json')), 201),
  );
