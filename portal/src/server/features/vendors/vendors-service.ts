import type { Db, DbOrTx } from '@sightline/db/client';
import { assessment, questionnaireTemplate } from '@sightline/db/schema/assessments';
import { storedFile } from '@sightline/db/schema/files';
import { vendor, vendorContact, vendorDocument, vendorService } from '@sightline/db/schema/vendors';
import type { RiskTier } from '@sightline/shared/assessments/assessment-states';
import type { PageQuery } from '@sightline/shared/http/paging';
import type { CreateVendorInput, UpdateVendorInput } from '@sightline/shared/vendors/vendor-api';
import type { ShownVendorStatus } from '@sightline/shared/vendors/vendor-statuses';
import { and, asc, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor, ServiceDeps } from '../../context';
import { AppError } from '../../errors';
import { keyset } from '../../paging/keyset';
import { sortKeys } from '../../paging/sort-keys';
import { assessmentCountSql, assessmentSummary, shownStatusSql } from './vendor-status-sql';

export type VendorListQuery = {
  q?: string | undefined;
  status?: ShownVendorStatus | undefined;
  tier?: RiskTier | undefined;
  serviceId?: string | undefined;
};

/** `%` and `_` in a search are literal characters, not wildcards. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

const vendorKeys = keyset('vendors', [sortKeys.text(vendor.name, 'asc'), sortKeys.uuid(vendor.id, 'asc')]);

/** The vendor register by name, a page at a time (the CSV export asks for one page of all of it). */
export async function listVendors(db: Db, query: VendorListQuery, page: PageQuery) {
  const summary = assessmentSummary(db);
  const status = shownStatusSql(summary);
  const filters: SQL[] = [];
  if (query.status) filters.push(eq(status, query.status));
  if (query.tier) filters.push(eq(vendor.tier, query.tier));
  if (query.serviceId) {
    filters.push(
      inArray(
        vendor.id,
        db
          .select({ id: vendorService.vendorId })
          .from(vendorService)
          .where(eq(vendorService.serviceId, query.serviceId)),
      ),
    );
  }
  if (query.q) {
    const pattern = likePattern(query.q);
    filters.push(
      or(
        ilike(vendor.name, pattern),
        ilike(vendor.website, pattern),
        inArray(
          vendor.id,
          db
            .select({ id: vendorService.vendorId })
            .from(vendorService)
            .where(ilike(vendorService.serviceId, pattern)),
        ),
      )!,
    );
  }
  const rows = await db
    .select({
      id: vendor.id,
      name: vendor.name,
      website: vendor.website,
      status,
      tier: vendor.tier,
      nextReviewOn: vendor.nextReviewOn,
      updatedAt: vendor.updatedAt,
      assessmentCount: assessmentCountSql(summary),
      ...vendorKeys.select,
    })
    .from(vendor)
    .leftJoin(summary, eq(summary.vendorId, vendor.id))
    .where(and(...filters, vendorKeys.after(page.cursor)))
    .orderBy(...vendorKeys.orderBy)
    .limit(page.limit + 1);
  const { items, nextCursor } = vendorKeys.page(rows, page.limit);
  const services = items.length
    ? await db
        .select()
        .from(vendorService)
        .where(
          inArray(
            vendorService.vendorId,
            items.map((r) => r.id),
          ),
        )
    : [];
  return {
    items: items.map((r) => ({
      ...r,
      services: services.filter((s) => s.vendorId === r.id).map((s) => s.serviceId),
    })),
    nextCursor,
  };
}

export async function createVendor(
  deps: Pick<ServiceDeps, 'db' | 'now'>,
  actor: Actor,
  input: CreateVendorInput,
) {
  const { db, now } = deps;
  return db.transaction((tx) => insertVendor(tx, actor, input, now));
}

/** Creates a vendor inside the caller's transaction (e.g. an assessment that names an unknown vendor). */
export async function insertVendor(
  tx: DbOrTx,
  actor: Actor,
  input: CreateVendorInput,
  now: Date,
  /** Why the vendor was created, when not by hand (e.g. from the catalog entry of a service). */
  origin?: Record<string, unknown>,
) {
  const [row] = await tx
    .insert(vendor)
    .values({
      name: input.name,
      website: input.website ?? null,
      status: input.status ?? 'prospect',
      tier: input.tier ?? null,
      nextReviewOn: input.nextReviewOn ?? null,
      modelProviders: dedupe(input.modelProviders ?? []),
      subProcessors: dedupe(input.subProcessors ?? []),
      notes: input.notes ?? null,
      createdBy: actor.type === 'staff' ? actor.user.id : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: vendor.id });
  const id = row!.id;
  if (input.services?.length) await setServices(tx, id, input.services);
  await recordAudit(tx, {
    actor,
    action: 'vendor.created',
    targetType: 'vendor',
    targetId: id,
    details: { name: input.name, ...origin },
    at: now,
  });
  return { id };
}

export async function updateVendor(
  deps: Pick<ServiceDeps, 'db' | 'now'>,
  actor: Actor,
  id: string,
  input: UpdateVendorInput,
) {
  const { db, now } = deps;
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(vendor).where(eq(vendor.id, id)).for('update');
    if (!current) throw new AppError('not_found', 'No vendor with this id');
    const { services, ...fields } = input;
    const set: Partial<typeof vendor.$inferInsert> = { updatedAt: now };
    if (fields.name !== undefined) set.name = fields.name;
    if (fields.website !== undefined) set.website = fields.website;
    if (fields.status !== undefined) set.status = fields.status;
    if (fields.tier !== undefined) set.tier = fields.tier;
    if (fields.nextReviewOn !== undefined) set.nextReviewOn = fields.nextReviewOn;
    if (fields.modelProviders !== undefined) set.modelProviders = dedupe(fields.modelProviders);
    if (fields.subProcessors !== undefined) set.subProcessors = dedupe(fields.subProcessors);
    if (fields.notes !== undefined) set.notes = fields.notes;
    await tx.update(vendor).set(set).where(eq(vendor.id, id));
    if (services !== undefined) await setServices(tx, id, services);
    await recordAudit(tx, {
      actor,
      action: 'vendor.updated',
      targetType: 'vendor',
      targetId: id,
      details: { fields: Object.keys(input).sort(), ...(fields.status ? { status: fields.status } : {}) },
      at: now,
    });
    return { id };
  });
}

async function setServices(tx: DbOrTx, vendorId: string, services: readonly string[]) {
  await tx.delete(vendorService).where(eq(vendorService.vendorId, vendorId));
  const unique = dedupe(services);
  if (unique.length)
    await tx.insert(vendorService).values(unique.map((serviceId) => ({ vendorId, serviceId })));
}

/** Links a service to a vendor if it is not already (used when an assessment names both). */
export async function linkService(tx: DbOrTx, vendorId: string, serviceId: string) {
  await tx.insert(vendorService).values({ vendorId, serviceId }).onConflictDoNothing();
}

function dedupe(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

export async function getVendor(db: Db, id: string) {
  const summary = assessmentSummary(db);
  const [found] = await db
    .select({ row: vendor, status: shownStatusSql(summary) })
    .from(vendor)
    .leftJoin(summary, eq(summary.vendorId, vendor.id))
    .where(eq(vendor.id, id));
  if (!found) throw new AppError('not_found', 'No vendor with this id');
  const row = { ...found.row, status: found.status };
  const [contacts, services, documents, assessments] = await Promise.all([
    db
      .select()
      .from(vendorContact)
      .where(eq(vendorContact.vendorId, id))
      .orderBy(desc(vendorContact.isPrimary), asc(vendorContact.name)),
    db
      .select({ serviceId: vendorService.serviceId })
      .from(vendorService)
      .where(eq(vendorService.vendorId, id)),
    db
      .select({
        id: vendorDocument.id,
        title: vendorDocument.title,
        kind: vendorDocument.kind,
        expiresOn: vendorDocument.expiresOn,
        createdAt: vendorDocument.createdAt,
        fileName: storedFile.fileName,
        mediaType: storedFile.mediaType,
        sizeBytes: storedFile.sizeBytes,
        sha256: storedFile.sha256,
      })
      .from(vendorDocument)
      .leftJoin(storedFile, eq(storedFile.id, vendorDocument.fileId))
      .where(eq(vendorDocument.vendorId, id))
      .orderBy(desc(vendorDocument.createdAt)),
    db
      .select({
        id: assessment.id,
        state: assessment.state,
        serviceId: assessment.serviceId,
        respondentName: assessment.respondentName,
        respondentEmail: assessment.respondentEmail,
        dueOn: assessment.dueOn,
        sentAt: assessment.sentAt,
        submittedAt: assessment.submittedAt,
        createdAt: assessment.createdAt,
        cycle: assessment.cycle,
        templateTitle: questionnaireTemplate.title,
        templateVersion: questionnaireTemplate.version,
      })
      .from(assessment)
      .innerJoin(questionnaireTemplate, eq(questionnaireTemplate.id, assessment.templateId))
      .where(eq(assessment.vendorId, id))
      .orderBy(desc(assessment.createdAt)),
  ]);
  const { createdBy: _createdBy, ...vendorFields } = row;
  return {
    vendor: vendorFields,
    contacts,
    services: services.map((s) => s.serviceId),
    documents,
    assessments,
  };
}
