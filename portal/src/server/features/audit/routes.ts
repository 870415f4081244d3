import { auditLog } from '@sightline/db/schema/audit';
import { auditListSchema, auditVerificationSchema } from '@sightline/shared/audit/audit-api';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { verifyAuditChain } from '../../audit/verify-audit';
import type { AppEnv } from '../../context';
import { json } from '../../openapi-responses';
import { validate } from '../../validation';

const tags = ['Audit trail'];
const listQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  action: z.string().max(100).optional(),
  targetType: z.string().max(50).optional(),
  targetId: z.string().max(100).optional(),
});

export const auditRoutes = new Hono<AppEnv>()
  .get(
    '/api/audit',
    describeRoute({
      tags,
      summary: 'Audit entries, newest first (page with `before`)',
      responses: { 200: json(auditListSchema, 'Entries, newest first') },
    }),
    validate('query', listQuery),
    async (c) => {
      const q = c.req.valid('query');
      const filters: SQL[] = [];
      if (q.before) filters.push(lt(auditLog.seq, q.before));
      if (q.action) filters.push(eq(auditLog.action, q.action));
      if (q.targetType) filters.push(eq(auditLog.targetType, q.targetType));
      if (q.targetId) filters.push(eq(auditLog.targetId, q.targetId));
      const entries = await c
        .get('deps')
        .db.select()
        .from(auditLog)
        .where(and(...filters))
        .orderBy(desc(auditLog.seq))
        .limit(q.limit);
      return c.json({ entries }, 200);
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
