import {
  requestPageQuerySchema,
  updateAccessRequestSchema,
} from '@sightline/shared/extension-api/staff-admin';
import {
  accessRequestChangedSchema,
  accessRequestPageSchema,
  accessRequestViewSchema,
} from '@sightline/shared/extension-api/staff-admin-views';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
import { staffActor } from '../../middleware/access';
import { errors, json } from '../../openapi-responses';
import { serviceDeps } from '../../service-deps';
import { validate } from '../../validation';
import { getAccessRequest, listAccessRequests, requestedServices } from './requests-list';
import { setAccessRequestStatus } from './requests-service';

const tags = ['Access requests'];

export const requestRoutes = new Hono<AppEnv>()
  .get(
    '/api/requests',
    describeRoute({
      tags,
      summary:
        "Employees' access requests, newest first, a page at a time (filter by service or status), with every requested service's open and total counts",
      responses: { 200: json(accessRequestPageSchema, 'A page of requests') },
    }),
    validate('query', requestPageQuerySchema),
    async (c) => {
      const { db } = c.get('deps');
      const { cursor, limit, ...filters } = c.req.valid('query');
      const [page, services] = await Promise.all([
        listAccessRequests(db, filters, { cursor, limit }),
        requestedServices(db),
      ]);
      return c.json({ ...page, services }, 200);
    },
  )
  .get(
    '/api/requests/:id',
    describeRoute({
      tags,
      summary: 'One access request, with the assessment under way for its service',
      responses: { 200: json(accessRequestViewSchema, 'The request'), ...errors(404) },
    }),
    validate('param', z.object({ id: z.uuid() })),
    async (c) => c.json(await getAccessRequest(c.get('deps').db, c.req.valid('param').id), 200),
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
