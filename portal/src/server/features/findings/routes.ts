import { utcDay } from '@sightline/shared/assessments/dates';
import {
  findingListSchema,
  findingPageQuerySchema,
  findingSentSchema,
  findingTransitionSchema,
  findingViewSchema,
  flagFindingSchema,
  updateFindingSchema,
} from '@sightline/shared/findings/findings-api';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
import { staffActor } from '../../middleware/access';
import { errors, json } from '../../openapi-responses';
import { serviceDeps } from '../../service-deps';
import { validate } from '../../validation';
import { getFinding, listFindings } from './finding-queries';
import { flagFinding, transitionFinding, updateFinding } from './findings-service';
import { sendFindingToVendor } from './send-to-vendor';

const tags = ['Findings'];
const idParam = z.object({ id: z.uuid() });

export const findingRoutes = new Hono<AppEnv>()
  .post(
    '/api/assessments/:id/findings',
    describeRoute({
      tags,
      summary: 'Flag one question of an assessment as a finding',
      responses: { 201: json(findingViewSchema, 'The new finding'), ...errors(404, 409) },
    }),
    validate('param', idParam),
    validate('json', flagFindingSchema),
    async (c) =>
      c.json(
        await flagFinding(serviceDeps(c), staffActor(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )
  .get(
    '/api/findings',
    describeRoute({
      tags,
      summary:
        'Findings, most severe first, a page at a time; filter by status (or "blocking"), overdue, owner, vendor, assessment',
      responses: { 200: json(findingListSchema, 'A page of findings') },
    }),
    validate('query', findingPageQuerySchema),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const { cursor, limit, ...filters } = c.req.valid('query');
      return c.json(await listFindings(db, filters, utcDay(now), { cursor, limit }), 200);
    },
  )
  .get(
    '/api/findings/:id',
    describeRoute({
      tags,
      summary: 'One finding with its history',
      responses: { 200: json(findingViewSchema, 'The finding'), ...errors(404) },
    }),
    validate('param', idParam),
    async (c) => {
      const { db, now } = serviceDeps(c);
      return c.json(await getFinding(db, c.req.valid('param').id, utcDay(now)), 200);
    },
  )
  .patch(
    '/api/findings/:id',
    describeRoute({
      tags,
      summary: 'Set the owner, due date, severity, title or what is asked of the vendor',
      responses: { 200: json(findingViewSchema, 'Changed'), ...errors(404, 409) },
    }),
    validate('param', idParam),
    validate('json', updateFindingSchema),
    async (c) =>
      c.json(
        await updateFinding(serviceDeps(c), staffActor(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .post(
    '/api/findings/:id/transition',
    describeRoute({
      tags,
      summary: 'Start remediation, resolve or reopen (reviewers); accept the risk with a reason (approvers)',
      responses: { 200: json(findingViewSchema, 'Moved'), ...errors(404, 409) },
    }),
    validate('param', idParam),
    validate('json', findingTransitionSchema),
    async (c) =>
      c.json(
        await transitionFinding(serviceDeps(c), staffActor(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .post(
    '/api/findings/:id/send-to-vendor',
    describeRoute({
      tags,
      summary:
        'Add the finding as a review comment on its question and start remediation; "request changes" sends the round',
      responses: { 200: json(findingSentSchema, 'Sent as a change request'), ...errors(404, 409) },
    }),
    validate('param', idParam),
    async (c) =>
      c.json(await sendFindingToVendor(serviceDeps(c), staffActor(c), c.req.valid('param').id), 200),
  );
