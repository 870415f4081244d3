import {
  candidateDecisionSchema,
  candidatePageQuerySchema,
} from '@sightline/shared/extension-api/staff-admin';
import {
  candidateDecidedSchema,
  candidateListSchema,
} from '@sightline/shared/extension-api/staff-admin-views';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
import { staffActor } from '../../middleware/access';
import { errors, json } from '../../openapi-responses';
import { serviceDeps } from '../../service-deps';
import { validate } from '../../validation';
import { decideCandidate, listCandidates } from './candidates-service';

const tags = ['Policy'];
const idParam = z.object({ id: z.uuid() });

export const candidateRoutes = new Hono<AppEnv>()
  .get(
    '/api/candidates',
    describeRoute({
      tags,
      summary:
        'Hosts that looked like AI services but are not in the catalog, open ones first, a page at a time; filter open or decided',
      responses: { 200: json(candidateListSchema, 'A page of candidates') },
    }),
    validate('query', candidatePageQuerySchema),
    async (c) => {
      const { cursor, limit, ...filters } = c.req.valid('query');
      return c.json(await listCandidates(c.get('deps').db, filters, { cursor, limit }), 200);
    },
  )
  .post(
    '/api/candidates/:id/accept',
    describeRoute({
      tags,
      summary: 'Mark a candidate as an AI service (optionally naming its catalog entry)',
      responses: { 200: json(candidateDecidedSchema, 'Accepted'), ...errors(404) },
    }),
    validate('param', idParam),
    validate('json', candidateDecisionSchema),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const actor = staffActor(c);
      const { id } = c.req.valid('param');
      return c.json(
        await decideCandidate({ db, now }, actor, id, 'accepted', c.req.valid('json').catalogEntryId),
        200,
      );
    },
  )
  .post(
    '/api/candidates/:id/dismiss',
    describeRoute({
      tags,
      summary: 'Dismiss a candidate (not an AI service)',
      responses: { 200: json(candidateDecidedSchema, 'Dismissed'), ...errors(404) },
    }),
    validate('param', idParam),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const actor = staffActor(c);
      return c.json(
        await decideCandidate({ db, now }, actor, c.req.valid('param').id, 'dismissed', undefined),
        200,
      );
    },
  );
