import {
  auditListSchema,
  auditPageQuerySchema,
  auditVerificationSchema,
} from '@sightline/shared/audit/audit-api';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { verifyAuditChain } from '../../audit/verify-audit';
import type { AppEnv } from '../../context';
import { json } from '../../openapi-responses';
import { validate } from '../../validation';
import { listAuditEntries } from './audit-list';

const tags = ['Audit trail'];

export const auditRoutes = new Hono<AppEnv>()
  .get(
    '/api/audit',
    describeRoute({
      tags,
      summary: 'Audit entries, newest first, a page at a time; filter by action or target',
      responses: { 200: json(auditListSchema, 'A page of entries, newest first') },
    }),
    validate('query', auditPageQuerySchema),
    async (c) => {
      const { cursor, limit, ...filters } = c.req.valid('query');
      return c.json(await listAuditEntries(c.get('deps').db, filters, { cursor, limit }), 200);
    },
  )
  .get(
    '/api/audit/verify',
    describeRoute({
      tags,
      summary: 'Walk the hash chain and report the first broken entry',
      responses: { 200: json(auditVerificationSchema, 'Intact, or where the chain first breaks') },
    }),
    async (c) => c.json(await verifyAuditChain(c.get('deps').db), 200),
  );
