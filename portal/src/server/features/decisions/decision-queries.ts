import type { DbOrTx } from '@sightline/db/client';
import { decision } from '@sightline/db/schema/assessments';
import { user } from '@sightline/db/schema/auth';
import type { DecisionView } from '@sightline/shared/decisions/decision-api';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors';

/** The decision on an assessment, with who took it (by name) and what it set. */
export async function getDecision(db: DbOrTx, assessmentId: string): Promise<DecisionView> {
  const [row] = await db
    .select({ d: decision, decidedByName: user.name, decidedByEmail: user.email })
    .from(decision)
    .leftJoin(user, eq(user.id, decision.decidedBy))
    .where(eq(decision.assessmentId, assessmentId));
  if (!row) throw new AppError('not_found', 'This assessment has no decision yet');
  const d = row.d;
  return {
    id: d.id,
    assessmentId: d.assessmentId,
    serviceId: d.serviceId,
    outcome: d.outcome,
    conditions: d.conditions,
    reason: d.rationale,
    residualTier: d.residualTier,
    tier: d.tier,
    tierReason: d.tierReason,
    nextReviewOn: d.nextReviewOn,
    policyState: d.policyState,
    aiSystemId: d.aiSystemId,
    decidedBy: d.decidedBy ? (row.decidedByName ?? row.decidedByEmail ?? null) : null,
    decidedAt: d.decidedAt.toISOString(),
  };
}
