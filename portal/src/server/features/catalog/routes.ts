import { anyStaff } from '@sightline/shared/auth/roles';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppEnv } from '../../context';
import { access } from '../../middleware/access';
import { sha256Hex } from '../../secret-token';
import { loadCatalog } from './catalog-source';

export const catalogRoutes = new Hono<AppEnv>().get(
  '/api/catalog',
  describeRoute({ tags: ['Catalog'], summary: 'Built-in and custom catalog entries (ETag)' }),
  access(...anyStaff),
  async (c) => {
    const catalog = await loadCatalog(c.get('deps').db);
    const body = { entries: catalog.entries, customIds: catalog.custom.map((e) => e.id) };
    const etag = `"${sha256Hex(JSON.stringify(body)).slice(0, 32)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'private, no-cache');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    return c.json(body, 200);
  },
);
