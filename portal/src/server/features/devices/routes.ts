import { createEnrollmentTokenSchema } from '@sightline/shared/extension-api/staff-admin';
import {
  deviceEventsSchema,
  deviceListSchema,
  enrollmentTokenCreatedSchema,
  enrollmentTokenListSchema,
  revokedSchema,
} from '@sightline/shared/extension-api/staff-admin-views';
import { pageQuerySchema } from '@sightline/shared/http/paging';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
import { staffActor } from '../../middleware/access';
import { errors, json } from '../../openapi-responses';
import { serviceDeps } from '../../service-deps';
import { validate } from '../../validation';
import { listDevices, recentDeviceEvents, revokeDevice } from './devices-service';
import {
  createEnrollmentToken,
  listEnrollmentTokens,
  revokeEnrollmentToken,
} from './enrollment-tokens-service';

const tags = ['Devices'];
const idParam = z.object({ id: z.uuid() });

export const deviceRoutes = new Hono<AppEnv>()
  .get(
    '/api/devices',
    describeRoute({
      tags,
      summary:
        'Enrolled browsers (last seen, version, user hint), most recently seen first, a page at a time; with the number still active',
      responses: { 200: json(deviceListSchema, 'A page of devices, and how many are active') },
    }),
    validate('query', z.strictObject(pageQuerySchema.shape)),
    async (c) => c.json(await listDevices(c.get('deps').db, c.req.valid('query')), 200),
  )
  .get(
    '/api/devices/:id/events',
    describeRoute({
      tags,
      summary: 'The latest metadata-only events a device sent',
      responses: { 200: json(deviceEventsSchema, 'Events, newest first'), ...errors(404) },
    }),
    validate('param', idParam),
    validate('query', z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) })),
    async (c) => {
      const { db } = c.get('deps');
      const events = await recentDeviceEvents(db, c.req.valid('param').id, c.req.valid('query').limit);
      return c.json({ events }, 200);
    },
  )
  .post(
    '/api/devices/:id/revoke',
    describeRoute({
      tags,
      summary: 'Revoke a device credential',
      responses: { 200: json(revokedSchema, 'Revoked'), ...errors(404, 409) },
    }),
    validate('param', idParam),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const actor = staffActor(c);
      return c.json(await revokeDevice({ db, now }, actor, c.req.valid('param').id), 200);
    },
  )
  .get(
    '/api/enrollment-tokens',
    describeRoute({
      tags,
      summary: 'Enrollment tokens (never their values)',
      responses: { 200: json(enrollmentTokenListSchema, 'Tokens') },
    }),
    async (c) => c.json({ tokens: await listEnrollmentTokens(c.get('deps').db) }, 200),
  )
  .post(
    '/api/enrollment-tokens',
    describeRoute({
      tags,
      summary: 'Create an enrollment token (its value is shown once)',
      responses: { 201: json(enrollmentTokenCreatedSchema, 'Created: the value, shown once') },
    }),
    validate('json', createEnrollmentTokenSchema),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const actor = staffActor(c);
      return c.json(await createEnrollmentToken({ db, now }, actor, c.req.valid('json')), 201);
    },
  )
  .post(
    '/api/enrollment-tokens/:id/revoke',
    describeRoute({
      tags,
      summary: 'Revoke an enrollment token (enrolled devices keep working)',
      responses: { 200: json(revokedSchema, 'Revoked'), ...errors(404, 409) },
    }),
    validate('param', idParam),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const actor = staffActor(c);
      return c.json(await revokeEnrollmentToken({ db, now }, actor, c.req.valid('param').id), 200);
    },
  );
