import { appliedMigrationCount } from '@sightline/db/client';
import { shippedMigrationCount } from '@sightline/db/migrations-journal';
import { healthSchema } from '@sightline/shared/http/health-api';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppEnv } from '../../context';
import { json } from '../../openapi-responses';
import { APP_VERSION } from '../../version';
import { lastWorkerTicks } from '../../workers';

export const healthRoutes = new Hono<AppEnv>().get(
  '/api/health',
  describeRoute({
    tags: ['Operations'],
    summary: "Database reachable, migration level, version, this instance's last worker runs",
    responses: {
      200: json(healthSchema, 'Ready: the database answers and every migration is applied'),
      503: json(healthSchema, 'Not ready: the database is down, or migrations are missing'),
    },
  }),
  async (c) => {
    const shipped = shippedMigrationCount();
    try {
      const applied = await appliedMigrationCount(c.get('deps').db);
      const ok = applied === shipped;
      return c.json(
        {
          status: ok ? 'ok' : 'degraded',
          database: 'up',
          migrations: { applied, shipped },
          version: APP_VERSION,
          workers: lastWorkerTicks(),
        },
        ok ? 200 : 503,
      );
    } catch {
      return c.json(
        {
          status: 'down',
          database: 'down',
          migrations: { applied: null, shipped },
          version: APP_VERSION,
          workers: lastWorkerTicks(),
        },
        503,
      );
    }
  },
);
