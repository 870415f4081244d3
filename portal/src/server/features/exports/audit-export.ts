import type { Db } from '@sightline/db/client';
import { auditLog } from '@sightline/db/schema/audit';
import { and, desc, eq, lt, lte, max, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { CsvColumn } from '../../csv/csv-cell';
import { keysetPages } from '../../csv/keyset-pages';

/** The audit page's filters (the paging ones aside: an export is the whole trail). */
export const auditExportQuerySchema = z.strictObject({
  action: z.string().max(100).optional(),
  targetType: z.string().max(50).optional(),
  targetId: z.string().max(100).optional(),
});
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;

type AuditRow = typeof auditLog.$inferSelect;

/**
 * The chain hashes are in the file so an auditor can check the chain offline; they are hashes of
 * the entries, not of any credential.
 */
export const auditColumns: readonly CsvColumn<AuditRow>[] = [
  { header: 'Sequence', value: (e) => e.seq },
  { header: 'When', value: (e) => e.at },
  { header: 'Actor type', value: (e) => e.actorType },
  { header: 'Actor', value: (e) => e.actorLabel },
  { header: 'Actor id', value: (e) => e.actorId },
  { header: 'Action', value: (e) => e.action },
  { header: 'Target type', value: (e) => e.targetType },
  { header: 'Target id', value: (e) => e.targetId },
  { header: 'Details', value: (e) => JSON.stringify(e.details) },
  { header: 'Previous hash', value: (e) => e.prevHash },
  { header: 'Hash', value: (e) => e.hash },
];

/** The newest sequence number now: an export reads up to it and no further. */
export async function lastAuditSeq(db: Db): Promise<number> {
  const [row] = await db.select({ seq: max(auditLog.seq) }).from(auditLog);
  return row?.seq ?? 0;
}

/**
 * The trail newest first like the audit page, read by keyset over the primary key `seq`. Entries
 * appended while the file downloads (the export's own entry among them) have a higher `seq` than
 * `upToSeq` and stay out, so the file is the trail as it stood when the download started.
 */
export function auditRows(db: Db, query: AuditExportQuery, upToSeq: number) {
  const filters: SQL[] = [];
  if (query.action) filters.push(eq(auditLog.action, query.action));
  if (query.targetType) filters.push(eq(auditLog.targetType, query.targetType));
  if (query.targetId) filters.push(eq(auditLog.targetId, query.targetId));
  return keysetPages(
    (after: number | undefined, limit) =>
      db
        .select()
        .from(auditLog)
        .where(and(after === undefined ? lte(auditLog.seq, upToSeq) : lt(auditLog.seq, after), ...filters))
        .orderBy(desc(auditLog.seq))
        .limit(limit),
    (e) => e.seq,
  );
}
