import { serviceIdSchema } from '@sightline/shared/catalog/service-id';
import { rangeQuerySchema, serviceTableQuerySchema } from '@sightline/shared/discovery/discovery-api';
import {
  dashboardSchema,
  serviceDetailSchema,
  serviceTableSchema,
} from '@sightline/shared/discovery/discovery-views';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
import { errors, json } from '../../openapi-responses';
import { serviceDeps } from '../../service-deps';
import { validate } from '../../validation';
import { loadDashboard } from './dashboard-service';
import { resolvePeriod } from './period';
import { loadServiceDetail } from './service-detail-service';
import { loadServiceTable } from './service-table';

const tags = ['Discovery'];

export const discoveryRoutes = new Hono<AppEnv>()
  .get(
    '/api/discovery/dashboard',
    describeRoute({
      tags,
      summary:
        'Headline figures against the previous period, people per day, use by policy state and category, new services',
      responses: { 200: json(dashboardSchema, 'The dashboard for the period') },
    }),
    validate('query', rangeQuerySchema),
    async (c) => {
      const { db, now } = serviceDeps(c);
      return c.json(await loadDashboard(db, resolvePeriod(c.req.valid('query'), now)), 200);
    },
  )
  .get(
    '/api/discovery/services',
    describeRoute({
      tags,
      summary: 'Every AI service used in the period, sorted and paged (assess first by default)',
      responses: { 200: json(serviceTableSchema, 'A page of the services table') },
    }),
    validate('query', serviceTableQuerySchema),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const query = c.req.valid('query');
      return c.json(await loadServiceTable(db, resolvePeriod(query, now), query), 200);
    },
  )
  .get(
    '/api/discovery/services/:serviceId',
    describeRoute({
      tags,
      summary:
        'One service: people per day, people, events by kind, pages calling its API, access requests, policy and its history, vendor and assessments',
      responses: { 200: json(serviceDetailSchema, 'The service over the period'), ...errors(404) },
    }),
    validate('param', z.object({ serviceId: serviceIdSchema })),
    validate('query', rangeQuerySchema),
    async (c) => {
      const { db, now } = serviceDeps(c);
      const period = resolvePeriod(c.req.valid('query'), now);
      return c.json(await loadServiceDetail(db, c.req.valid('param').serviceId, period), 200);
    },
  );
