import type { Db } from '@sightline/db/client';
import { user } from '@sightline/db/schema/auth';
import { vendorIncident, vendorMaterialChange } from '@sightline/db/schema/reviews';
import { vendor } from '@sightline/db/schema/vendors';
import { utcDay } from '@sightline/shared/assessments/dates';
import type { RecordIncidentInput } from '@sightline/shared/reviews/review-api';
import { desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor, ServiceDeps } from '../../context';
import { AppError } from '../../errors';

/** Records an incident against a vendor; it puts the vendor on the due-for-review list. */
export async function recordIncident(
  deps: Pick<ServiceDeps, 'db' | 'now'>,
  actor: Actor,
  vendorId: string,
  input: RecordIncidentInput,
) {
  const { now } = deps;
  if (input.occurredOn > utcDay(now)) throw new AppError('bad_request', 'The incident date is in the future');
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.select({ id: vendor.id }).from(vendor).where(eq(vendor.id, vendorId));
    if (!row) throw new AppError('not_found', 'No vendor with this id');
    const [created] = await tx
      .insert(vendorIncident)
      .values({
        vendorId,
        ...input,
        createdBy: actor.type === 'staff' ? actor.user.id : null,
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'vendor.incident_recorded',
      targetType: 'vendor',
      targetId: vendorId,
      details: {
        incidentId: created!.id,
        occurredOn: input.occurredOn,
        severity: input.severity,
        source: input.source,
      },
      at: now,
    });
    return toIncident({ ...created!, recordedBy: actor.type === 'staff' ? actor.user.name : null });
  });
}

export async function listIncidents(db: Db, vendorId: string) {
  await requireVendor(db, vendorId);
  const rows = await db
    .select({
      id: vendorIncident.id,
      occurredOn: vendorIncident.occurredOn,
      description: vendorIncident.description,
      severity: vendorIncident.severity,
      source: vendorIncident.source,
      createdAt: vendorIncident.createdAt,
      recordedBy: user.name,
    })
    .from(vendorIncident)
    .leftJoin(user, eq(user.id, vendorIncident.createdBy))
    .where(eq(vendorIncident.vendorId, vendorId))
    .orderBy(desc(vendorIncident.occurredOn), desc(vendorIncident.createdAt));
  return rows.map(toIncident);
}

/** What the vendor declared through its questionnaire links, newest first. */
export async function listMaterialChanges(db: Db, vendorId: string) {
  await requireVendor(db, vendorId);
  const rows = await db
    .select()
    .from(vendorMaterialChange)
    .where(eq(vendorMaterialChange.vendorId, vendorId))
    .orderBy(desc(vendorMaterialChange.declaredAt));
  return rows.map((r) => ({
    id: r.id,
    assessmentId: r.assessmentId,
    kind: r.kind,
    description: r.description,
    declaredAt: r.declaredAt.toISOString(),
  }));
}

async function requireVendor(db: Db, vendorId: string) {
  const [row] = await db.select({ id: vendor.id }).from(vendor).where(eq(vendor.id, vendorId));
  if (!row) throw new AppError('not_found', 'No vendor with this id');
}

function toIncident(r: {
  id: string;
  occurredOn: string;
  description: string;
  severity: string;
  source: string;
  createdAt: Date;
  recordedBy: string | null;
}) {
  return {
    id: r.id,
    occurredOn: r.occurredOn,
    description: r.description,
    severity: r.severity,
    source: r.source,
    recordedAt: r.createdAt.toISOString(),
    recordedBy: r.recordedBy,
  };
}
