import { decisionInputSchema, decisionViewSchema } from '@sightline/shared/decisions/decision-api';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
import { currentStaff } from '../../middleware/access';
import { errors, json } from '../../openapi-responses';
import { serviceDeps } from '../../service-deps';
import { validate } from '../../validation';
import { decide } from './decide';
import { getDecision } from './decision-queries';

const tags = ['Decisions'];
const idParam = z.object({ id: z.uuid() });

export const decisionRoutes = new Hono<AppEnv>()
  .post(
    '/api/assessments/:id/decision',
    describeRoute({
      tags,
      summary:
        "Decide an assessment under review (final): sets the service's policy, the vendor's tier and next review, the inventory entry, and closes the service's access requests",
      responses: { 201: json(decisionViewSchema, 'Decided'), ...errors(404, 409) },
    }),
    validate('param', idParam),
    validate('json', decisionInputSchema),
    async (c) =>
      c.json(
        await decide(serviceDeps(c), currentStaff(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )
  .get(
    '/api/assessments/:id/decision',
    describeRoute({
      tags,
      summary: 'The decision on an assessment and what it set',
      responses: { 200: json(decisionViewSchema, 'The decision'), ...errors(404) },
    }),
    validate('param', idParam),
    async (c) => c.json(await getDecision(c.get('deps').db, c.req.valid('param').id), 200),
  );
