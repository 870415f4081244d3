import {
  cloneTemplateSchema,
  exportTemplateQuerySchema,
  importTemplateSchema,
  templateCreatedSchema,
  templateDetailSchema,
  templateListSchema,
} from '@sightline/shared/assessments/template-api';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
import { staffActor } from '../../middleware/access';
import { errors, file, json } from '../../openapi-responses';
import { serviceDeps } from '../../service-deps';
import { validate } from '../../validation';
import {
  cloneTemplate,
  exportTemplate,
  getTemplate,
  importTemplate,
  listTemplates,
} from './templates-service';

const tags = ['Questionnaire templates'];
const idParam = z.object({ id: z.uuid() });

export const templateRoutes = new Hono<AppEnv>()
  .get(
    '/api/templates',
    describeRoute({
      tags,
      summary: 'Questionnaire templates, every version',
      responses: { 200: json(templateListSchema, 'Templates') },
    }),
    async (c) => c.json({ templates: await listTemplates(c.get('deps').db) }, 200),
  )
  .get(
    '/api/templates/:id',
    describeRoute({
      tags,
      summary: 'One template version with its full definition',
      responses: { 200: json(templateDetailSchema, 'The template'), ...errors(404) },
    }),
    validate('param', idParam),
    async (c) => c.json(await getTemplate(c.get('deps').db, c.req.valid('param').id), 200),
  )
  .get(
    '/api/templates/:id/export',
    describeRoute({
      tags,
      summary: 'Download a template as JSON or YAML',
      responses: {
        200: file(['application/json', 'application/yaml'], 'The template as a download'),
        ...errors(404),
      },
    }),
    validate('param', idParam),
    validate('query', exportTemplateQuerySchema),
    async (c) => {
      const file = await exportTemplate(
        c.get('deps').db,
        c.req.valid('param').id,
        c.req.valid('query').format,
      );
      c.header('content-type', file.contentType);
      c.header('content-disposition', `attachment; filename="${file.fileName}"`);
      return c.body(file.body, 200);
    },
  )
  .post(
    '/api/templates/:id/clone',
    describeRoute({
      tags,
      summary: 'Copy a template to its next version (or to a new key at version 1)',
      responses: { 201: json(templateCreatedSchema, 'The new version'), ...errors(404, 409) },
    }),
    validate('param', idParam),
    validate('json', cloneTemplateSchema),
    async (c) => {
      const actor = staffActor(c);
      return c.json(
        await cloneTemplate(serviceDeps(c), actor, c.req.valid('param').id, c.req.valid('json')),
        201,
      );
    },
  )
  .post(
    '/api/templates/import',
    describeRoute({
      tags,
      summary: 'Add a template from JSON or YAML; every problem is listed in a 400',
      responses: { 201: json(templateCreatedSchema, 'The new template'), ...errors(409) },
    }),
    validate('json', importTemplateSchema),
    async (c) => {
      const actor = staffActor(c);
      return c.json(await importTemplate(serviceDeps(c), actor, c.req.valid('json')), 201);
    },
  );
