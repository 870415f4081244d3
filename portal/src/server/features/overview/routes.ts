import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
import { serviceDeps } from '../../service-deps';
import { validate } from '../../validation';
import { loadOverview } from './overview-service';

export const overviewRoutes = new Hono<AppEnv>().get(
  '/api/overview',
  describeRoute({
    tags: ['Discovery'],
    summary: 'AI services in use (unassessed first) and the queues waiting for staff',
  }),
  validate('query', z.object({ days: z.coerce.number().int().min(1).max(365).default(30) })),
  async (c) => {
    return c.json(await loadOverview(serviceDeps(c), c.req.valid('query').days), 200);
  },
);
