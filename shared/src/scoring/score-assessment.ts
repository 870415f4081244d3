import { lookup } from '../questionnaire/lookup';
import type { Question } from '../questionnaire/template-schema';
import { resolveVisibility } from '../questionnaire/visibility';
import { approvalConditions } from './approval-conditions';
import { scoreInherent } from './inherent-risk';
import { findKnockOuts } from './knock-outs';
import { nonAnswerEffects } from './non-answers';
import { recommend } from './recommendation';
import { scoreResidual } from './residual';
import { type ScoreInput, scoreOptionsSchema } from './score-input-schema';
import type { ScoreResult } from './score-result-schema';
import { SCORING_ALGORITHM_VERSION } from './scoring-constants';
import { DEFAULT_TIER_THRESHOLDS, tierFor } from './tiers';

/**
 * Pure and deterministic: no clock, no randomness, and every loop follows the template's order,
 * never the order of keys in the answers, evidence or overrides. Hidden questions are left out
 * entirely: no points, no knock-outs, no overrides. Visibility reads the vendor's answers and the
 * organisation's use context together, so the vendor can switch questions on, never off.
 *
 * Throws (a ZodError) when evidence, overrides, context or thresholds break their schemas; validate
 * them at the edge with the schemas in score-input-schema.ts. Evidence past its expiry date must be
 * left out by the caller (see summariseEvidence), which knows the day.
 */
export function scoreAssessment(input: ScoreInput): ScoreResult {
  const options = scoreOptionsSchema.parse({
    evidence: input.evidence,
    overrides: input.overrides,
    useContext: input.useContext,
    thresholds: input.thresholds,
  });
  const evidence = input.evidence ?? {};
  const overrides = input.overrides ?? {};
  const thresholds = options.thresholds ?? DEFAULT_TIER_THRESHOLDS;
  const context = options.useContext ?? {};
  const { template, answers } = input;

  const visibility = resolveVisibility<Question>(template, answers, context);
  const visible = visibility.questions;
  const residual = scoreResidual(template, visible, answers, evidence, overrides);
  const effects = nonAnswerEffects(template, answers, context, visible);
  for (const item of residual.breakdown) {
    const effect = effects.get(item.questionId);
    if (effect) item.nonAnswer = effect;
  }
  const residualTier = residual.overall === null ? null : tierFor(residual.overall, thresholds);
  const inherent = scoreInherent(visible, answers, context, thresholds);
  const knockOuts = findKnockOuts(visibility, answers);
  const conditions = approvalConditions(template, residual.breakdown, answers, evidence);

  const weakSections = template.sections
    .map((s) => ({ title: s.title, residual: lookup(residual.bySection, s.id) ?? null }))
    .filter(
      (s): s is { title: string; residual: number } => s.residual !== null && s.residual >= thresholds.high,
    )
    .sort((a, b) => b.residual - a.residual);
  const { recommendation, reasons } = recommend({
    inherent,
    residual: residual.overall,
    residualTier,
    knockOuts,
    prohibitedByContext: context.euAiActClass === 'prohibited',
    unansweredRequired: residual.breakdown.filter(
      (b) => b.scored && (b.answerState === 'unanswered' || b.answerState === 'invalid') && !b.override,
    ).length,
    overridden: residual.breakdown.filter((b) => b.override).length,
    weakSections,
    conditions,
  });

  return {
    algorithmVersion: SCORING_ALGORITHM_VERSION,
    template: { key: template.key, version: template.version },
    thresholds,
    residual: { overall: residual.overall, bySection: residual.bySection },
    residualTier,
    inherent,
    knockOuts,
    recommendation,
    reasons,
    breakdown: residual.breakdown,
    conditions,
  };
}
