import { utcDay } from '@sightline/shared/assessments/dates';
import {
  createAiSystemSchema,
  inventoryPageQuerySchema,
  updateAiSystemSchema,
  upsertSupplierSchema,
} from '@sightline/shared/inventory/inventory-api';
import { aiSystemDetailSchema, aiSystemListSchema } from '@sightline/shared/inventory/inventory-view';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
import { staffActor } from '../../middleware/access';
import { errors, json } from '../../openapi-responses';
import { serviceDeps } from '../../service-deps';
import { validate } from '../../validation';
import { getSystem, listSystems } from './inventory-queries';
import { createSystem, updateSystem } from './inventory-service';
import { removeSupplier, upsertSupplier } from './supplier-service';

const tags = ['AI system inventory'];
const idParam = z.object({ id: z.uuid() });

export const inventoryRoutes = new Hono<AppEnv>()
  .get(
    '/api/inventory',
    describeRoute({
      tags,
      summary:
        'AI systems by name, a page at a time; filter by lifecycle stage, EU AI Act class, supplier, tier, owner, due for review; search',
      responses: { 200: json(aiSystemListSchema, 'A page of AI systems, by name') },
    }),
    validate('query', inventoryPageQuerySchema),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const { cursor, limit, ...filters } = c.req.valid('query');
      return c.json(await listSystems(db, filters, utcDay(now), { cursor, limit }), 200);
    },
  )
  .post(
    '/api/inventory',
    describeRoute({
      tags,
      summary: 'Add an AI system (one built in-house, or a bought one by hand)',
      responses: { 201: json(aiSystemDetailSchema, 'The new system'), ...errors(404) },
    }),
    validate('json', createAiSystemSchema),
    async (c) => c.json(await createSystem(serviceDeps(c), staffActor(c), c.req.valid('json')), 201),
  )
  .get(
    '/api/inventory/:id',
    describeRoute({
      tags,
      summary: 'One AI system with its suppliers and its history',
      responses: { 200: json(aiSystemDetailSchema, 'The system with its history'), ...errors(404) },
    }),
    validate('param', idParam),
    async (c) => {
      const { db, now } = serviceDeps(c);
      return c.json(await getSystem(db, c.req.valid('param').id, utcDay(now)), 200);
    },
  )
  .patch(
    '/api/inventory/:id',
    describeRoute({
      tags,
      summary: "Change an AI system's fields (each change recorded)",
      responses: { 200: json(aiSystemDetailSchema, 'The system after the change'), ...errors(404) },
    }),
    validate('param', idParam),
    validate('json', updateAiSystemSchema),
    async (c) =>
      c.json(
        await updateSystem(serviceDeps(c), staffActor(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .put(
    '/api/inventory/:id/suppliers',
    describeRoute({
      tags,
      summary:
        'Add or change one supplier (by vendor) with its A.10.2 responsibilities; a new one is prefilled from the vendor answers',
      responses: { 200: json(aiSystemDetailSchema, 'The system with the supplier set'), ...errors(404) },
    }),
    validate('param', idParam),
    validate('json', upsertSupplierSchema),
    async (c) =>
      c.json(
        await upsertSupplier(serviceDeps(c), staffActor(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .delete(
    '/api/inventory/:id/suppliers/:supplierId',
    describeRoute({
      tags,
      summary: 'Remove a supplier from an AI system (by link id or vendor id)',
      responses: { 200: json(aiSystemDetailSchema, 'The system without the supplier'), ...errors(404) },
    }),
    validate('param', z.object({ id: z.uuid(), supplierId: z.uuid() })),
    async (c) => {
      const { id, supplierId } = c.req.valid('param');
      return c.json(await removeSupplier(serviceDeps(c), staffActor(c), id, supplierId), 200);
    },
  );
