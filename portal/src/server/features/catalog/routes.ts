import { catalogListSchema } from '@sightline/shared/extension-api/staff-admin-views';
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { describeRoute } from 'hono-openapi';
import type { AppEnv } from '../../context';
import { json } from '../../openapi-responses';
import { loadCatalog } from './catalog-source';

export const catalogRoutes = new Hono<AppEnv>().get(
  '/api/catalog',
  describeRoute({
    tags: ['Catalog'],
    summary: 'Built-in and custom catalog entries (ETag)',
    responses: {
      200: json(catalogListSchema, 'Entries'),
      304: { description: 'Unchanged since the ETag sent in If-None-Match' },
    },
  }),
  etag(),
  async (c) => {
    const catalog = await loadCatalog(c.get('deps').db);
    c.header('Cache-Control', 'private, no-cache');
    return c.json({ entries: catalog.entries, customIds: catalog.custom.map((e) => e.id) }, 200);
  },
);
