import type { DbOrTx } from '@sightline/db/client';
import { aiSystem, aiSystemSupplier } from '@sightline/db/schema/inventory';
import { orgSettings } from '@sightline/db/schema/org';
import { servicePolicy } from '@sightline/db/schema/policy';
import { accessRequest } from '@sightline/db/schema/usage';
import { vendor } from '@sightline/db/schema/vendors';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../errors';

/**
 * Locks every existing row the decision will change, before its first audit entry. The audit
 * trail's advisory lock is one for all writers, and they lock their own rows before taking it; a
 * decision that locked a row only after auditing could deadlock with such a writer. The order
 * follows theirs: a service's policy before the settings row (setServicePolicy), a system before its
 * supplier links (upsertSupplier). Returns the org settings as locked.
 */
export async function lockDecisionTargets(
  tx: DbOrTx,
  t: { serviceId: string | null; vendorId: string; systemId: string | null },
) {
  if (t.serviceId) {
    await tx
      .select({ id: servicePolicy.serviceId })
      .from(servicePolicy)
      .where(eq(servicePolicy.serviceId, t.serviceId))
      .for('update');
  }
  const [settings] = await tx.select().from(orgSettings).where(eq(orgSettings.id, 1)).for('update');
  if (!settings) throw new AppError('not_found', 'The organisation is not set up yet');
  await tx.select({ id: vendor.id }).from(vendor).where(eq(vendor.id, t.vendorId)).for('update');
  if (t.systemId) {
    await tx.select({ id: aiSystem.id }).from(aiSystem).where(eq(aiSystem.id, t.systemId)).for('update');
  }
  await tx
    .select({ id: aiSystemSupplier.id })
    .from(aiSystemSupplier)
    .where(eq(aiSystemSupplier.vendorId, t.vendorId))
    .orderBy(asc(aiSystemSupplier.id))
    .for('update');
  if (t.serviceId) {
    await tx
      .select({ id: accessRequest.id })
      .from(accessRequest)
      .where(
        and(
          eq(accessRequest.serviceId, t.serviceId),
          inArray(accessRequest.status, ['open', 'in_assessment']),
        ),
      )
      .orderBy(asc(accessRequest.id))
      .for('update');
  }
  return settings;
}
