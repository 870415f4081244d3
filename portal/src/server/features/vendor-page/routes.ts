import {
  evidenceFieldsSchema,
  inviteColleagueSchema,
  saveAnswersSchema,
} from '@sightline/shared/assessments/vendor-page-api';
import { confirmAnswersSchema, declareMaterialChangeSchema } from '@sightline/shared/reviews/review-api';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
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
    }),
    vendorTokenAuth,
    async (c) => c.json(await getVendorView(serviceDeps(c), currentVendor(c)), 200),
  )
  .put(
    '/api/vendor/answers',
    describeRoute({ tags, parameters, summary: 'Save answers (autosave sends what changed)' }),
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
    describeRoute({ tags, parameters, summary: 'Remove an uploaded file' }),
    vendorTokenAuth,
    validate('param', z.object({ id: z.uuid() })),
    async (c) => {
      await removeEvidence(serviceDeps(c), currentVendor(c), c.req.valid('param').id);
      return c.json({ ok: true }, 200);
    },
  )
  .post(
    '/api/vendor/colleagues',
    describeRoute({ tags, parameters, summary: 'Invite a colleague: they get their own link by mail' }),
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
    }),
    vendorTokenAuth,
    validate('json', declareMaterialChangeSchema),
    async (c) =>
      c.json(await declareMaterialChange(serviceDeps(c), currentVendor(c), c.req.valid('json')), 201),
  );
