import type { Db } from '@sightline/db/client';
import { auditLog } from '@sightline/db/schema/audit';
import type { AuditListQuery } from '@sightline/shared/audit/audit-api';
import type { PageQuery } from '@sightline/shared/http/paging';
import { and, eq, type SQL } from 'drizzle-orm';
import { keyset } from '../../paging/keyset';
import { sortKeys } from '../../paging/sort-keys';

// The chain's own order: each entry's number is unique, so it is the whole key.
const auditKeys = keyset('audit', [sortKeys.bigint(auditLog.seq, 'desc')]);

/** Audit entries newest first, a page at a time, for one action or target if asked. */
export async function listAuditEntries(db: Db, query: AuditListQuery, page: PageQuery) {
  const filters: SQL[] = [];
  if (query.action) filters.push(eq(auditLog.action, query.action));
  if (query.targetType) filters.push(eq(auditLog.targetType, query.targetType));
  if (query.targetId) filters.push(eq(auditLog.targetId, query.targetId));
  const rows = await db
    .select({ entry: auditLog, ...auditKeys.select })
    .from(auditLog)
    .where(and(...filters, auditKeys.after(page.cursor)))
    .orderBy(...auditKeys.orderBy)
    .limit(page.limit + 1);
  const { items, nextCursor } = auditKeys.page(rows, page.limit);
  return { items: items.map((r) => r.entry), nextCursor };
}
