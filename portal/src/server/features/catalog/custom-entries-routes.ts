import { catalogEntrySchema } from '@sightline/shared/catalog/catalog-schema';
import { classifyQuerySchema } from '@sightline/shared/catalog/classify-query';
import { classifyUrl } from '@sightline/shared/catalog/classify-url';
import { serviceIdSchema } from '@sightline/shared/catalog/service-id';
import {
  classificationSchema,
  customEntrySavedSchema,
} from '@sightline/shared/extension-api/staff-admin-views';
import { okSchema } from '@sightline/shared/http/ok';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
import { AppError } from '../../errors';
import { staffActor } from '../../middleware/access';
import { errors, json } from '../../openapi-responses';
import { serviceDeps } from '../../service-deps';
import { validate } from '../../validation';
import { loadCatalog } from './catalog-source';
import { deleteCustomEntry, saveCustomEntry } from './custom-entries-service';

const tags = ['Catalog'];
// The same rule as every service id, so an entry that could be created can be changed and removed.
const idParam = z.object({ id: serviceIdSchema });

/** The org's own catalog entries (same schema as the built-in catalog) and a URL tester. */
export const customCatalogRoutes = new Hono<AppEnv>()
  .post(
    '/api/catalog/custom',
    describeRoute({
      tags,
      summary: 'Add a custom catalog entry (or override a built-in one by its id)',
      responses: { 201: json(customEntrySavedSchema, 'Added'), ...errors(409) },
    }),
    validate('json', catalogEntrySchema),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const entry = await saveCustomEntry({ db, now }, staffActor(c), c.req.valid('json'), 'create');
      return c.json({ entry }, 201);
    },
  )
  .put(
    '/api/catalog/custom/:id',
    describeRoute({
      tags,
      summary: 'Replace a custom catalog entry',
      responses: { 200: json(customEntrySavedSchema, 'Replaced'), ...errors(404, 409) },
    }),
    validate('param', idParam),
    validate('json', catalogEntrySchema),
    async (c) => {
      const body = c.req.valid('json');
      if (body.id !== c.req.valid('param').id)
        throw new AppError('bad_request', 'The id in the body must match the URL');
      const { db, now } = serviceDeps(c);
      const entry = await saveCustomEntry({ db, now }, staffActor(c), body, 'update');
      return c.json({ entry }, 200);
    },
  )
  .delete(
    '/api/catalog/custom/:id',
    describeRoute({
      tags,
      summary: 'Remove a custom catalog entry (a built-in entry it overrode comes back)',
      responses: { 200: json(okSchema, 'Removed'), ...errors(404) },
    }),
    validate('param', idParam),
    async (c) => {
      const { db, now } = serviceDeps(c);
      await deleteCustomEntry({ db, now }, staffActor(c), c.req.valid('param').id);
      return c.json({ ok: true }, 200);
    },
  )
  .get(
    '/api/catalog/classify',
    describeRoute({
      tags,
      summary: 'Classify one URL against the catalog (built-in plus custom)',
      responses: { 200: json(classificationSchema, 'The classification') },
    }),
    validate('query', classifyQuerySchema),
    async (c) => {
      const catalog = await loadCatalog(c.get('deps').db);
      return c.json({ result: classifyUrl(catalog.compiled, c.req.valid('query').url) }, 200);
    },
  );
