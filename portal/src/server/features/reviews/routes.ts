import { sendResultSchema } from '@sightline/shared/assessments/assessment-views';
import {
  cycleDiffSchema,
  dueListSchema,
  incidentListSchema,
  incidentViewSchema,
  materialChangeListSchema,
  recordIncidentSchema,
  startReassessmentSchema,
} from '@sightline/shared/reviews/review-api';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
import { staffActor } from '../../middleware/access';
import { errors, json } from '../../openapi-responses';
import { serviceDeps } from '../../service-deps';
import { validate } from '../../validation';
import { cycleDiff } from './cycle-diff';
import { dueForReview } from './due-list';
import { listIncidents, listMaterialChanges, recordIncident } from './incidents-service';
import { startReassessment } from './start-reassessment';

const idParam = z.object({ id: z.uuid() });

export const reviewRoutes = new Hono<AppEnv>()
  .get(
    '/api/reviews/due',
    describeRoute({
      tags: ['Reassessment'],
      summary:
        'Vendors due for review: overdue first, then due within 30 days, each with its reasons (review date, expiring document or evidence, incident, usage spike, blocked use rising, declared change)',
      responses: { 200: json(dueListSchema, 'Vendors due for review, overdue first') },
    }),
    async (c) => {
      return c.json(await dueForReview(serviceDeps(c)), 200);
    },
  )
  .post(
    '/api/assessments/:id/reassessment',
    describeRoute({
      tags: ['Reassessment'],
      summary:
        "Start the next cycle of a decided assessment: current template, last cycle's answers and evidence carried over, sent unless send is false",
      responses: {
        201: json(sendResultSchema, 'The next cycle (sent unless asked to keep a draft)'),
        ...errors(404, 409),
      },
    }),
    validate('param', idParam),
    validate('json', startReassessmentSchema),
    async (c) =>
      c.json(
        await startReassessment(serviceDeps(c), staffActor(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )
  .get(
    '/api/assessments/:id/cycle-diff',
    describeRoute({
      tags: ['Reassessment'],
      summary: 'What changed since the previous cycle: answers, evidence kept or replaced, and scores',
      responses: { 200: json(cycleDiffSchema, 'The comparison (empty for a first cycle)'), ...errors(404) },
    }),
    validate('param', idParam),
    async (c) => c.json(await cycleDiff(c.get('deps').db, c.req.valid('param').id), 200),
  )
  .get(
    '/api/vendors/:id/incidents',
    describeRoute({
      tags: ['Reassessment'],
      summary: "The vendor's recorded incidents, newest first",
      responses: { 200: json(incidentListSchema, 'Incidents, latest first'), ...errors(404) },
    }),
    validate('param', idParam),
    async (c) => c.json({ incidents: await listIncidents(c.get('deps').db, c.req.valid('param').id) }, 200),
  )
  .post(
    '/api/vendors/:id/incidents',
    describeRoute({
      tags: ['Reassessment'],
      summary: 'Record an incident (date, description, severity, source); the vendor becomes due for review',
      responses: { 201: json(incidentViewSchema, 'Recorded'), ...errors(404) },
    }),
    validate('param', idParam),
    validate('json', recordIncidentSchema),
    async (c) =>
      c.json(
        await recordIncident(serviceDeps(c), staffActor(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )
  .get(
    '/api/vendors/:id/material-changes',
    describeRoute({
      tags: ['Reassessment'],
      summary: 'Material changes the vendor declared on its questionnaire page, newest first',
      responses: { 200: json(materialChangeListSchema, 'Declared changes, latest first'), ...errors(404) },
    }),
    validate('param', idParam),
    async (c) =>
      c.json({ changes: await listMaterialChanges(c.get('deps').db, c.req.valid('param').id) }, 200),
  );
