import type { DbOrTx } from '@sightline/db/client';
import { finding } from '@sightline/db/schema/findings';
import type { Answers } from '@sightline/shared/questionnaire/answer-schema';
import type { EvidenceByQuestion } from '@sightline/shared/questionnaire/evidence-summary';
import type { Template } from '@sightline/shared/questionnaire/template-schema';
import type { ScoreResult } from '@sightline/shared/scoring/score-result-schema';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';
import type { AssessmentRow } from '../assessments/assessment-records';
import { type FindingCandidate, findingCandidates } from './finding-candidates';
import { recordFindingChange } from './finding-history';

export type ScoredAssessment = {
  row: AssessmentRow;
  template: Template;
  answers: Answers;
  evidence: EvidenceByQuestion;
  result: ScoreResult;
};

/**
 * Turns a fresh score's knock-outs and weak sections into findings, once each: a finding that
 * already exists for the same item is left as it is (a later, better score never resolves it or
 * deletes it; a person does). Runs in the rescoring transaction.
 */
export async function raiseFindings(tx: DbOrTx, scored: ScoredAssessment, actor: Actor, now: Date) {
  let candidates: FindingCandidate[];
  try {
    candidates = findingCandidates(scored.template, scored.answers, scored.evidence, scored.result);
  } catch (error) {
    // Like a scoring fault, this must never refuse the vendor's submission: record it and go on.
    await recordAudit(tx, {
      actor,
      action: 'assessment.findings_failed',
      targetType: 'assessment',
      targetId: scored.row.id,
      details: { message: String((error as Error).message ?? error).slice(0, 500) },
      at: now,
    });
    return [];
  }
  if (candidates.length === 0) return [];
  const created = await tx
    .insert(finding)
    .values(
      candidates.map((c) => ({
        ...c,
        assessmentId: scored.row.id,
        vendorId: scored.row.vendorId,
        createdBy: actor.type === 'staff' ? actor.user.id : null,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing({ target: [finding.assessmentId, finding.sourceKey] })
    .returning({ id: finding.id, sourceKey: finding.sourceKey, severity: finding.severity });
  for (const f of created) {
    await recordFindingChange(
      tx,
      actor,
      {
        findingId: f.id,
        action: 'raised',
        toStatus: 'open',
        details: { assessmentId: scored.row.id, sourceKey: f.sourceKey, severity: f.severity },
      },
      now,
    );
  }
  return created;
}
