import type { DbOrTx } from '@sightline/db/client';
import { assessment, assessmentAnswer, evidenceFile, scoreOverride } from '@sightline/db/schema/assessments';
import { user } from '@sightline/db/schema/auth';
import { orgSettings } from '@sightline/db/schema/org';
import { utcDay } from '@sightline/shared/assessments/dates';
import { summariseEvidence } from '@sightline/shared/questionnaire/evidence-summary';
import { scoreAssessment } from '@sightline/shared/scoring/score-assessment';
import type { ScoreOverrides } from '@sightline/shared/scoring/score-input-schema';
import { useContextSchema } from '@sightline/shared/scoring/score-input-schema';
import type { ScoreResult } from '@sightline/shared/scoring/score-result-schema';
import { tierThresholdsSchema } from '@sightline/shared/scoring/tiers';
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';
import { raiseFindings, type ScoredAssessment } from '../findings/raise-findings';
import { answersOf } from './answer-records';
import { type AssessmentRow, snapshotOf } from './assessment-records';

/**
 * Scores the answers as they stand (shared, pure scoring) and stores the result on the assessment,
 * in the caller's transaction. Runs at every submit and after every review action that can change
 * the result (verifying evidence, overriding points, withdrawing an override); the decision step
 * reads the stored result. Knock-outs and weak sections become findings (once each). A scoring
 * fault is recorded, never turned into a refusal of the vendor's submission; the result is null then.
 */
export async function rescore(
  tx: DbOrTx,
  row: AssessmentRow,
  actor: Actor,
  now: Date,
): Promise<ScoreResult | null> {
  let scored: ScoredAssessment;
  try {
    const [answerRows, files, overrideRows, [settings]] = await Promise.all([
      tx.select().from(assessmentAnswer).where(eq(assessmentAnswer.assessmentId, row.id)),
      tx
        .select({
          questionId: evidenceFile.questionId,
          verifiedAt: evidenceFile.verifiedAt,
          expiresOn: evidenceFile.expiresOn,
        })
        .from(evidenceFile)
        .where(and(eq(evidenceFile.assessmentId, row.id), isNull(evidenceFile.removedAt))),
      tx
        .select({
          questionId: scoreOverride.questionId,
          points: scoreOverride.points,
          reason: scoreOverride.reason,
          by: user.email,
        })
        .from(scoreOverride)
        .leftJoin(user, eq(user.id, scoreOverride.authorId))
        .where(eq(scoreOverride.assessmentId, row.id)),
      tx.select({ thresholds: orgSettings.tierThresholds }).from(orgSettings).limit(1),
    ]);
    const overrides: Record<string, ScoreOverrides[string]> = {};
    for (const o of overrideRows)
      overrides[o.questionId] = { points: o.points, reason: o.reason, by: o.by ?? 'former staff' };
    const context = useContextSchema.safeParse(row.useContext ?? {});
    const thresholds = tierThresholdsSchema.safeParse(settings?.thresholds);
    const template = snapshotOf(row);
    const answers = answersOf(answerRows);
    // An expired file counts as no file (scoring version 2): a lapsed certificate gives no assurance.
    const evidence = summariseEvidence(
      files.map((f) => ({
        questionId: f.questionId,
        verified: f.verifiedAt !== null,
        expiresOn: f.expiresOn,
      })),
      utcDay(now),
    );
    const result = scoreAssessment({
      template,
      answers,
      evidence,
      overrides,
      ...(context.success ? { useContext: context.data } : {}),
      ...(thresholds.success ? { thresholds: thresholds.data } : {}),
    });
    await tx.update(assessment).set({ scoreResult: result, scoredAt: now }).where(eq(assessment.id, row.id));
    await recordAudit(tx, {
      actor,
      action: 'assessment.scored',
      targetType: 'assessment',
      targetId: row.id,
      details: {
        algorithmVersion: result.algorithmVersion,
        residual: result.residual.overall,
        residualTier: result.residualTier,
        inherentTier: result.inherent.tier,
        knockOuts: result.knockOuts.map((k) => k.questionId),
        recommendation: result.recommendation,
      },
      at: now,
    });
    scored = { row, template, answers, evidence, result };
  } catch (error) {
    await recordAudit(tx, {
      actor,
      action: 'assessment.scoring_failed',
      targetType: 'assessment',
      targetId: row.id,
      details: { message: String((error as Error).message ?? error).slice(0, 500) },
      at: now,
    });
    return null;
  }
  await raiseFindings(tx, scored, actor, now);
  return scored.result;
}
