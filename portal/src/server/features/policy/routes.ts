import { serviceIdSchema } from '@sightline/shared/catalog/service-id';
import { bulkServicePolicySchema } from '@sightline/shared/discovery/discovery-api';
import { policyPageQuerySchema, setServicePolicySchema } from '@sightline/shared/extension-api/staff-admin';
import {
  bulkPolicyResultSchema,
  servicePolicyListSchema,
  servicePolicyPageSchema,
  servicePolicyRecordSchema,
} from '@sightline/shared/extension-api/staff-admin-views';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
import { staffActor } from '../../middleware/access';
import { errors, json } from '../../openapi-responses';
import { serviceDeps } from '../../service-deps';
import { validate } from '../../validation';
import { policyAlternatives, policyPage } from './policy-list';
import { setServicePolicies, setServicePolicy } from './policy-service';

const tags = ['Policy'];

export const policyRoutes = new Hono<AppEnv>()
  .get(
    '/api/policy/services',
    describeRoute({
      tags,
      summary:
        'Catalog services with their policy, by name, a page at a time (search, filter by state), with the count per state',
      responses: { 200: json(servicePolicyPageSchema, 'A page of services with their policy') },
    }),
    validate('query', policyPageQuerySchema),
    async (c) => {
      const { cursor, limit, ...filters } = c.req.valid('query');
      return c.json(await policyPage(c.get('deps').db, filters, { cursor, limit }), 200);
    },
  )
  .get(
    '/api/policy/alternatives',
    describeRoute({
      tags,
      summary: 'The services a policy may name as its approved alternative, and those already named',
      responses: { 200: json(servicePolicyListSchema, 'The services to choose from') },
    }),
    async (c) => c.json({ services: await policyAlternatives(c.get('deps').db) }, 200),
  )
  .put(
    '/api/policy/services/:serviceId',
    describeRoute({
      tags,
      summary: "Set a service's state, conditions and approved alternative",
      responses: { 200: json(servicePolicyRecordSchema, 'The policy as stored'), ...errors(404) },
    }),
    validate('param', z.object({ serviceId: serviceIdSchema })),
    validate('json', setServicePolicySchema),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const actor = staffActor(c);
      const result = await setServicePolicy(
        { db, now },
        actor,
        c.req.valid('param').serviceId,
        c.req.valid('json'),
      );
      return c.json(result, 200);
    },
  )
  .post(
    '/api/policy/services/bulk',
    describeRoute({
      tags,
      summary: 'Set one state, conditions and alternative for many services at once (one policy version)',
      responses: {
        200: json(bulkPolicyResultSchema, 'The policies as stored, and the new policy version'),
        ...errors(404),
      },
    }),
    validate('json', bulkServicePolicySchema),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const actor = staffActor(c);
      const { serviceIds, policy } = c.req.valid('json');
      return c.json(await setServicePolicies({ db, now }, actor, serviceIds, policy), 200);
    },
  );
