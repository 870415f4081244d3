import { overviewSchema } from '@sightline/shared/discovery/discovery-views';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
import { json } from '../../openapi-responses';
import { serviceDeps } from '../../service-deps';
import { validate } from '../../validation';
import { loadOverview } from './overview-service';

export const overviewRoutes = new Hono<AppEnv>().get(
  '/api/overview',
  describeRoute({
    tags: ['Discovery'],
    summary: 'AI services in use (unassessed first) and the queues waiting for staff',
    responses: { 200: json(overviewSchema, 'The overview') },
  }),
  validate('query', z.object({ days: z.coerce.number().int().min(1).max(365).default(30) })),
  async (c) => {
    return c.json(await loadOverview(serviceDeps(c), c.req.valid('query').days), 200);
  },
);
