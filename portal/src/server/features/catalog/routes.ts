import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { describeRoute } from 'hono-openapi';
import type { AppEnv } from '../../context';
import { loadCatalog } from './catalog-source';

export const catalogRoutes = new Hono<AppEnv>().get(
  '/api/catalog',
  describeRoute({ tags: ['Catalog'], summary: 'Built-in and custom catalog entries (ETag)' }),
  etag(),
  async (c) => {
    const catalog = await loadCatalog(c.get('deps').db);
    c.header('Cache-Control', 'private, no-cache');
    return c.json({ entries: catalog.entries, customIds: catalog.custom.map((e) => e.id) }, 200);
  },
);
