import { randomUUID } from 'node:crypto';
import { assessmentAnswer, decision } from '@sightline/db/schema/assessments';
import { user } from '@sightline/db/schema/auth';
import { vendor } from '@sightline/db/schema/vendors';
import { transition } from '@sightline/shared/assessments/assessment-transitions';
import { utcDay } from '@sightline/shared/assessments/dates';
import type { DecisionInput, DecisionView } from '@sightline/shared/decisions/decision-api';
import { decisionRefusal, nextReviewDate, policyStateFor } from '@sightline/shared/decisions/decision-rules';
import { parseReviewCadence } from '@sightline/shared/decisions/review-cadence';
import { useContextSchema } from '@sightline/shared/scoring/score-input-schema';
import { eq } from 'drizzle-orm';
import type { Actor, StaffUser } from '../../context';
import { AppError } from '../../errors';
import { answersOf } from '../assessments/answer-records';
import type { AssessmentDeps } from '../assessments/assessment-deps';
import { applyTransition, lockAssessment, organisationName } from '../assessments/assessment-records';
import { loadCatalog } from '../catalog/catalog-source';
import { blockingFindings } from '../findings/findings-service';
import { recordDecisionInInventory, systemForDecision } from '../inventory/system-from-decision';
import { closeRequestsForDecision } from './close-requests';
import { decidedTier, reviewersOf, storedScore } from './decision-checks';
import { setPolicyFromDecision, setVendorFromDecision } from './decision-effects';
import { lockDecisionTargets } from './decision-locks';
import { getDecision } from './decision-queries';

/**
 * Records an approver's decision and everything it sets, in one transaction: the assessment moves
 * to decided; the service's policy, the vendor's tier and next review, the inventory entry and its
 * supplier link, and the service's access requests (with mails to their requesters) all follow.
 * Any failure leaves none of it stored.
 */
export async function decide(
  deps: AssessmentDeps,
  approver: StaffUser,
  assessmentId: string,
  input: DecisionInput,
): Promise<DecisionView> {
  const { now } = deps;
  const actor: Actor = { type: 'staff', user: approver };
  await deps.db.transaction(async (tx) => {
    const row = await lockAssessment(tx, assessmentId);
    if (row.state === 'decided') {
      throw new AppError(
        'conflict',
        'This assessment is already decided, and a decision is final: a later decision needs a new assessment',
      );
    }
    const move = transition(row.state, 'decide');
    if (!move.ok) {
      throw new AppError(
        'conflict',
        `Only an assessment under review can be decided; this one is ${row.state.replace('_', ' ')}`,
      );
    }
    const score = storedScore(row);
    const systemId = await systemForDecision(tx, { vendorId: row.vendorId, serviceId: row.serviceId });
    const settings = await lockDecisionTargets(tx, {
      serviceId: row.serviceId,
      vendorId: row.vendorId,
      systemId,
    });
    const refusal = decisionRefusal({
      outcome: input.outcome,
      approverId: approver.id,
      reviewerIds: await reviewersOf(tx, assessmentId),
      separateApproverFromReviewer: settings.separateApproverFromReviewer,
      blockingFindings: await blockingFindings(tx, assessmentId),
    });
    if (refusal) throw new AppError('conflict', refusal);
    const { tier, tierReason } = decidedTier(score.residualTier, input);
    const nextReviewOn = nextReviewDate(tier, parseReviewCadence(settings.reviewCadenceMonths), utcDay(now));
    const policyState = row.serviceId ? policyStateFor(input.outcome, settings.rejectedServiceState) : null;
    const conditions = input.outcome === 'approve_with_conditions' ? (input.conditions ?? null) : null;
    const decisionId = randomUUID();

    await applyTransition(tx, row, 'decide', actor, now, {
      details: {
        decisionId,
        outcome: input.outcome,
        residualTier: score.residualTier,
        tier,
        nextReviewOn,
        policyState,
      },
    });
    const [vendorRow] = await tx
      .select({ name: vendor.name })
      .from(vendor)
      .where(eq(vendor.id, row.vendorId));
    const catalog = await loadCatalog(tx);
    const serviceName = row.serviceId ? (catalog.byId.get(row.serviceId)?.name ?? row.serviceId) : null;
    const policy =
      row.serviceId && policyState
        ? await setPolicyFromDecision(tx, actor, now, {
            serviceId: row.serviceId,
            state: policyState,
            conditions,
            decisionId,
          })
        : null;
    await setVendorFromDecision(tx, actor, now, {
      vendorId: row.vendorId,
      outcome: input.outcome,
      residualTier: score.residualTier,
      tier,
      tierReason,
      nextReviewOn,
      decisionId,
    });
    const answerRows = await tx
      .select()
      .from(assessmentAnswer)
      .where(eq(assessmentAnswer.assessmentId, row.id));
    const context = useContextSchema.safeParse(row.useContext ?? {});
    const aiSystemId = await recordDecisionInInventory(tx, actor, now, {
      assessmentId: row.id,
      vendorId: row.vendorId,
      vendorName: vendorRow?.name ?? 'Unknown vendor',
      serviceId: row.serviceId,
      serviceName,
      answers: answersOf(answerRows),
      context: context.success ? context.data : undefined,
      outcome: input.outcome,
      tier,
      nextReviewOn,
      owner: await ownerOf(tx, row.createdBy, approver),
      systemId,
    });
    await tx.insert(decision).values({
      id: decisionId,
      assessmentId: row.id,
      serviceId: row.serviceId,
      outcome: input.outcome,
      conditions,
      rationale: input.reason,
      residualTier: score.residualTier,
      tier,
      tierReason,
      nextReviewOn,
      policyState,
      aiSystemId,
      decidedBy: approver.id,
      decidedAt: now,
    });
    if (row.serviceId && serviceName) {
      const alternativeId = policy?.alternativeServiceId ?? null;
      const alternativeEntry = alternativeId ? catalog.byId.get(alternativeId) : undefined;
      await closeRequestsForDecision(tx, actor, now, {
        serviceId: row.serviceId,
        decisionId,
        organisation: await organisationName(tx),
        serviceName,
        outcome: input.outcome,
        conditions,
        reason: input.reason,
        alternative:
          alternativeId || policy?.alternativeUrl
            ? {
                name: alternativeEntry?.name ?? alternativeId,
                url: policy?.alternativeUrl ?? alternativeEntry?.website ?? null,
              }
            : null,
      });
    }
  });
  return getDecision(deps.db, assessmentId);
}

/** A new inventory entry's business owner: whoever started the assessment, else the approver. */
async function ownerOf(
  tx: Parameters<Parameters<AssessmentDeps['db']['transaction']>[0]>[0],
  createdBy: string | null,
  approver: StaffUser,
): Promise<string> {
  if (createdBy) {
    const [creator] = await tx.select({ name: user.name }).from(user).where(eq(user.id, createdBy));
    if (creator?.name) return creator.name;
  }
  return approver.name;
}
