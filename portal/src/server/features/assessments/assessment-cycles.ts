import type { DbOrTx } from '@sightline/db/client';
import { assessment } from '@sightline/db/schema/assessments';
import { vendor } from '@sightline/db/schema/vendors';
import { openAssessmentStates } from '@sightline/shared/assessments/open-assessments';
import { and, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { AppError } from '../../errors';

function sameService(serviceId: string | null): SQL {
  return serviceId === null ? isNull(assessment.serviceId) : eq(assessment.serviceId, serviceId);
}

/**
 * Refuses a second assessment of a vendor's service while one is under way (a draft included). The
 * vendor row is locked first, so two requests racing for the same vendor queue up and the second
 * sees the first one's assessment.
 */
export async function refuseSecondOpenCycle(tx: DbOrTx, vendorId: string, serviceId: string | null) {
  await tx.select({ id: vendor.id }).from(vendor).where(eq(vendor.id, vendorId)).for('update');
  const [open] = await tx
    .select({ id: assessment.id, state: assessment.state })
    .from(assessment)
    .where(
      and(
        eq(assessment.vendorId, vendorId),
        sameService(serviceId),
        inArray(assessment.state, [...openAssessmentStates]),
      ),
    )
    .limit(1);
  if (open) {
    throw new AppError(
      'conflict',
      `An assessment of this ${serviceId ? 'service' : 'vendor'} is already under way (${open.state.replace('_', ' ')}); finish or revoke it first`,
      { assessmentId: open.id },
    );
  }
}

/**
 * The cycle a new assessment of the vendor's service starts: one more than the latest decided one
 * (whose answers a reassessment carries over), or 1 when none was decided yet.
 */
export async function nextCycle(
  tx: DbOrTx,
  vendorId: string,
  serviceId: string | null,
): Promise<{ cycle: number; previousAssessmentId: string | null }> {
  const [previous] = await tx
    .select({ id: assessment.id, cycle: assessment.cycle })
    .from(assessment)
    .where(and(eq(assessment.vendorId, vendorId), sameService(serviceId), eq(assessment.state, 'decided')))
    .orderBy(desc(assessment.createdAt), desc(assessment.id))
    .limit(1);
  return previous
    ? { cycle: previous.cycle + 1, previousAssessmentId: previous.id }
    : { cycle: 1, previousAssessmentId: null };
}
