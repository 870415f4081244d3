import { updateAccessRequestSchema } from '@sightline/shared/extension-api/staff-admin';
import {
  accessRequestChangedSchema,
  accessRequestGroupsSchema,
} from '@sightline/shared/extension-api/staff-admin-views';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
import { staffActor } from '../../middleware/access';
import { errors, json } from '../../openapi-responses';
import { serviceDeps } from '../../service-deps';
import { validate } from '../../validation';
import { setAccessRequestStatus } from './requests-service';
import { listRequestsWithOpenAssessments } from './requests-with-assessments';

const tags = ['Access requests'];

export const requestRoutes = new Hono<AppEnv>()
  .get(
    '/api/requests',
    describeRoute({
      tags,
      summary: "Employees' access requests, grouped per service",
      responses: { 200: json(accessRequestGroupsSchema, 'Requests by service') },
    }),
    async (c) => c.json({ groups: await listRequestsWithOpenAssessments(c.get('deps').db) }, 200),
  )
  .patch(
    '/api/requests/:id',
    describeRoute({
      tags,
      summary: "Change an access request's status",
      responses: { 200: json(accessRequestChangedSchema, 'Changed'), ...errors(404, 409) },
    }),
    validate('param', z.object({ id: z.uuid() })),
    validate('json', updateAccessRequestSchema),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const actor = staffActor(c);
      const result = await setAccessRequestStatus(
        { db, now },
        actor,
        c.req.valid('param').id,
        c.req.valid('json').status,
      );
      return c.json(result, 200);
    },
  );
