import type { Db } from '@sightline/db/client';
import { aiCandidate, aiCandidateReport } from '@sightline/db/schema/catalog';
import type { CandidateReport } from '@sightline/shared/extension-api/candidates';
import type { CandidateListQuery } from '@sightline/shared/extension-api/staff-admin';
import type { PageQuery } from '@sightline/shared/http/paging';
import { and, eq, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';
import { AppError } from '../../errors';
import { keyset } from '../../paging/keyset';
import { sortKeys } from '../../paging/sort-keys';
import { catalogCoversHost, loadCatalog } from '../catalog/catalog-source';

/**
 * Records hosts a device thought were AI services but the catalog does not know. Hosts the catalog
 * covers are ignored; device counts stay exact under retries through the per-device report rows.
 */
export async function reportCandidates(
  deps: { db: Db; now: Date },
  deviceId: string,
  report: CandidateReport,
): Promise<{ accepted: number; ignored: number }> {
  const catalog = await loadCatalog(deps.db);
  const byHost = new Map<string, Set<string>>();
  for (const c of report.candidates) {
    if (catalogCoversHost(catalog, c.host)) continue;
    const signals = byHost.get(c.host) ?? new Set<string>();
    for (const s of c.signals) signals.add(s);
    byHost.set(c.host, signals);
  }
  await deps.db.transaction(async (tx) => {
    for (const [host, signals] of byHost) {
      const [row] = await tx
        .insert(aiCandidate)
        .values({ host, signals: [...signals].sort(), firstSeenAt: deps.now, lastSeenAt: deps.now })
        .onConflictDoUpdate({
          target: aiCandidate.host,
          set: {
            reports: sql`${aiCandidate.reports} + 1`,
            lastSeenAt: deps.now,
            signals: sql`(select array(select distinct unnest(${aiCandidate.signals} || excluded.signals) order by 1))`,
          },
        })
        .returning({ id: aiCandidate.id });
      await tx
        .insert(aiCandidateReport)
        .values({ candidateId: row!.id, deviceId, lastReportedAt: deps.now })
        .onConflictDoUpdate({
          target: [aiCandidateReport.candidateId, aiCandidateReport.deviceId],
          set: { lastReportedAt: deps.now },
        });
      await tx
        .update(aiCandidate)
        .set({
          deviceCount: sql`(select count(*)::int from ${aiCandidateReport} where ${aiCandidateReport.candidateId} = ${row!.id})`,
        })
        .where(eq(aiCandidate.id, row!.id));
    }
  });
  return { accepted: byHost.size, ignored: report.candidates.length - byHost.size };
}

// Open ones first (the enum's order), then the hosts seen on the most browsers.
const candidateKeys = keyset('candidates', [
  sortKeys.enumOf(aiCandidate.status, 'asc'),
  sortKeys.integer(aiCandidate.deviceCount, 'desc'),
  sortKeys.uuid(aiCandidate.id, 'asc'),
]);

/** Candidate hosts, waiting or decided or both, a page at a time. */
export async function listCandidates(db: Db, query: CandidateListQuery, page: PageQuery) {
  const status =
    query.status === 'open'
      ? eq(aiCandidate.status, 'open')
      : query.status === 'decided'
        ? ne(aiCandidate.status, 'open')
        : undefined;
  const rows = await db
    .select({ candidate: aiCandidate, ...candidateKeys.select })
    .from(aiCandidate)
    .where(and(status, candidateKeys.after(page.cursor)))
    .orderBy(...candidateKeys.orderBy)
    .limit(page.limit + 1);
  const { items, nextCursor } = candidateKeys.page(rows, page.limit);
  return { items: items.map((r) => r.candidate), nextCursor };
}

/** An admin decides a candidate: accepted (it is AI; maybe now in the catalog) or dismissed. */
export async function decideCandidate(
  deps: { db: Db; now: Date },
  actor: Actor & { type: 'staff' },
  id: string,
  decision: 'accepted' | 'dismissed',
  catalogEntryId: string | undefined,
) {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(aiCandidate)
      .set({
        status: decision,
        decidedBy: actor.user.id,
        decidedAt: deps.now,
        catalogEntryId: decision === 'accepted' ? (catalogEntryId ?? null) : null,
      })
      .where(and(eq(aiCandidate.id, id)))
      .returning({ id: aiCandidate.id, host: aiCandidate.host, status: aiCandidate.status });
    if (!row) throw new AppError('not_found', 'No candidate with this id');
    await recordAudit(tx, {
      actor,
      action: decision === 'accepted' ? 'candidate.accepted' : 'candidate.dismissed',
      targetType: 'ai_candidate',
      targetId: id,
      details: { host: row.host, catalogEntryId: catalogEntryId ?? null },
      at: deps.now,
    });
    return row;
  });
}
