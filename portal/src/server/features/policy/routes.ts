import { serviceIdSchema } from '@sightline/shared/catalog/service-id';
import { bulkServicePolicySchema } from '@sightline/shared/discovery/discovery-api';
import { setServicePolicySchema } from '@sightline/shared/extension-api/staff-admin';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
import { staffActor } from '../../middleware/access';
import { serviceDeps } from '../../service-deps';
import { validate } from '../../validation';
import { listServicePolicies, setServicePolicies, setServicePolicy } from './policy-service';

const tags = ['Policy'];

export const policyRoutes = new Hono<AppEnv>()
  .get(
    '/api/policy/services',
    describeRoute({ tags, summary: 'Every catalog service with its policy state' }),
    async (c) => c.json({ services: await listServicePolicies(c.get('deps').db) }, 200),
  )
  .put(
    '/api/policy/services/:serviceId',
    describeRoute({ tags, summary: "Set a service's state, conditions and approved alternative" }),
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
    }),
    validate('json', bulkServicePolicySchema),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const actor = staffActor(c);
      const { serviceIds, policy } = c.req.valid('json');
      return c.json(await setServicePolicies({ db, now }, actor, serviceIds, policy), 200);
    },
  );
