import type { DbOrTx } from '@sightline/db/client';
import { auditLog } from '@sightline/db/schema/audit';
import { aiSystem, aiSystemSupplier } from '@sightline/db/schema/inventory';
import { vendor } from '@sightline/db/schema/vendors';
import type { Page, PageQuery } from '@sightline/shared/http/paging';
import type { InventoryListQuery, SupplierView } from '@sightline/shared/inventory/inventory-api';
import type { AiSystemDetail, AiSystemView } from '@sightline/shared/inventory/inventory-view';
import {
  defaultResponsibilities,
  responsibilityMatrixSchema,
} from '@sightline/shared/inventory/responsibilities';
import { dataCategorySchema } from '@sightline/shared/questionnaire/profile-vocabulary';
import { and, asc, eq, exists, gt, ilike, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../errors';
import { keyset } from '../../paging/keyset';
import { sortKeys } from '../../paging/sort-keys';

type SystemRow = typeof aiSystem.$inferSelect;

/** `%term%` for ILIKE with the user's own % and _ taken literally. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Systems with a supplier matching `where` (the vendor joined in). */
function hasSupplier(db: DbOrTx, where: SQL) {
  return exists(
    db
      .select({ one: sql`1` })
      .from(aiSystemSupplier)
      .innerJoin(vendor, eq(vendor.id, aiSystemSupplier.vendorId))
      .where(and(eq(aiSystemSupplier.aiSystemId, aiSystem.id), where)),
  );
}

const systemKeys = keyset('inventory', [
  sortKeys.text(aiSystem.name, 'asc'),
  sortKeys.instant(aiSystem.createdAt, 'asc'),
  sortKeys.uuid(aiSystem.id, 'asc'),
]);

/** AI systems by name, a page at a time (the CSV export and the register PDF ask for one page of all). */
export async function listSystems(
  db: DbOrTx,
  query: InventoryListQuery,
  today: string,
  page: PageQuery,
): Promise<Page<AiSystemView>> {
  const filters: SQL[] = [];
  if (query.lifecycleStage) filters.push(eq(aiSystem.lifecycleStage, query.lifecycleStage));
  if (query.euAiActClass) filters.push(eq(aiSystem.euAiActClass, query.euAiActClass));
  if (query.vendorId) filters.push(hasSupplier(db, eq(aiSystemSupplier.vendorId, query.vendorId)));
  // The tier a supplier has now is the vendor's, set by its latest decision.
  if (query.tier) filters.push(hasSupplier(db, eq(vendor.tier, query.tier)));
  if (query.owner) filters.push(ilike(aiSystem.owner, likePattern(query.owner)));
  if (query.dueForReview === 'true') filters.push(lte(aiSystem.nextReviewOn, today));
  if (query.dueForReview === 'false') {
    filters.push(or(isNull(aiSystem.nextReviewOn), gt(aiSystem.nextReviewOn, today))!);
  }
  if (query.q) {
    const pattern = likePattern(query.q);
    filters.push(
      or(ilike(aiSystem.name, pattern), ilike(aiSystem.purpose, pattern), ilike(aiSystem.owner, pattern))!,
    );
  }
  const rows = await db
    .select({ system: aiSystem, ...systemKeys.select })
    .from(aiSystem)
    .where(and(...filters, systemKeys.after(page.cursor)))
    .orderBy(...systemKeys.orderBy)
    .limit(page.limit + 1);
  const { items, nextCursor } = systemKeys.page(rows, page.limit);
  const suppliers = await suppliersOf(
    db,
    items.map((r) => r.system.id),
  );
  return {
    items: items.map(({ system }) => systemView(system, suppliers.get(system.id) ?? [], today)),
    nextCursor,
  };
}

/** One system with its suppliers and its history (every change, from the audit trail). */
export async function getSystem(db: DbOrTx, id: string, today: string): Promise<AiSystemDetail> {
  const [row] = await db.select().from(aiSystem).where(eq(aiSystem.id, id));
  if (!row) throw new AppError('not_found', 'No AI system with this id');
  const suppliers = await suppliersOf(db, [id]);
  const history = await db
    .select({
      at: auditLog.at,
      action: auditLog.action,
      actor: auditLog.actorLabel,
      actorType: auditLog.actorType,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, 'ai_system'), eq(auditLog.targetId, id)))
    .orderBy(asc(auditLog.seq));
  return {
    ...systemView(row, suppliers.get(id) ?? [], today),
    history: history.map((h) => ({
      at: h.at,
      action: h.action,
      actor: h.actor ?? (h.actorType === 'system' ? 'Sightline' : null),
      details: h.details,
    })),
  };
}

async function suppliersOf(db: DbOrTx, systemIds: readonly string[]): Promise<Map<string, SupplierView[]>> {
  const out = new Map<string, SupplierView[]>();
  if (systemIds.length === 0) return out;
  const rows = await db
    .select({
      id: aiSystemSupplier.id,
      aiSystemId: aiSystemSupplier.aiSystemId,
      vendorId: aiSystemSupplier.vendorId,
      vendorName: vendor.name,
      serviceId: aiSystemSupplier.serviceId,
      tier: vendor.tier,
      assessmentId: aiSystemSupplier.assessmentId,
      responsibilities: aiSystemSupplier.responsibilities,
    })
    .from(aiSystemSupplier)
    .innerJoin(vendor, eq(vendor.id, aiSystemSupplier.vendorId))
    .where(inArray(aiSystemSupplier.aiSystemId, [...systemIds]))
    .orderBy(asc(vendor.name));
  for (const { aiSystemId, responsibilities, ...rest } of rows) {
    // A stored matrix that no longer parses shows the default split rather than failing the page.
    const parsed = responsibilityMatrixSchema.safeParse(responsibilities);
    const view: SupplierView = {
      ...rest,
      responsibilities: parsed.success ? parsed.data : defaultResponsibilities(),
    };
    out.set(aiSystemId, [...(out.get(aiSystemId) ?? []), view]);
  }
  return out;
}

function systemView(row: SystemRow, suppliers: SupplierView[], today: string): AiSystemView {
  return {
    id: row.id,
    name: row.name,
    purpose: row.purpose,
    owner: row.owner,
    origin: row.origin,
    lifecycleStage: row.lifecycleStage,
    euAiActClass: row.euAiActClass,
    orgRole: row.orgRole,
    dataCategories: row.dataCategories.filter(
      (c) => dataCategorySchema.safeParse(c).success,
    ) as AiSystemView['dataCategories'],
    decisionsAboutPeople: row.decisionsAboutPeople,
    decisionsDescription: row.decisionsDescription,
    humanOversight: row.humanOversight,
    serviceIds: row.serviceIds,
    nextReviewOn: row.nextReviewOn,
    dueForReview: row.nextReviewOn !== null && row.nextReviewOn <= today,
    suppliers,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
