import type { RiskTier } from '../assessments/assessment-states';
import type { euAiActClasses } from '../inventory/inventory-enums';
import { type Answers, answerState } from '../questionnaire/answer-schema';
import {
  type AutonomyLevel,
  type DataCategory,
  type DecisionImpact,
  dataCategories,
  dataCategoryLabels,
  type InherentFactor,
} from '../questionnaire/profile-vocabulary';
import type { Question } from '../questionnaire/template-schema';
import type { VisibleQuestion } from '../questionnaire/visibility';
import type { UseContext } from './score-input-schema';
import type { InherentFactorResult, InherentRisk } from './score-result-schema';
import { type TierThresholds, tierFor } from './tiers';

type AiActClass = (typeof euAiActClasses)[number];

/**
 * Inherent risk adds points per factor, capped at 100, so a reviewer can read each contribution.
 * The worst data category counts, not the sum: data risk is about the most sensitive item at stake.
 * An unanswered factor is assumed middling, never harmless. Calibration: an internal-data tool for a
 * team is low; confidential data across a few hundred staff is medium; personal data in a
 * general-purpose assistant used company-wide is high; hiring decisions in a high-risk system are critical.
 */
export const DATA_CATEGORY_POINTS: Record<DataCategory, number> = {
  none: 0,
  internal: 10,
  confidential: 20,
  source_code: 20,
  customer_data: 25,
  personal: 30,
  special_category: 40,
};
export const DECISION_POINTS: Record<DecisionImpact, number> = { none: 0, informs: 15, decides: 25 };
export const AUTONOMY_POINTS: Record<AutonomyLevel, number> = { none: 0, assisted: 10, autonomous: 20 };
export const AI_ACT_CLASS_POINTS: Record<AiActClass, number> = {
  prohibited: 100,
  high_risk: 30,
  gpai: 15,
  unknown: 15,
  limited: 5,
  minimal: 0,
};
/** Users in reach: at least `min` users add `points`; the first matching band counts. */
export const USER_COUNT_BANDS = [
  { min: 1000, points: 15 },
  { min: 250, points: 10 },
  { min: 50, points: 5 },
  { min: 0, points: 0 },
] as const;
export const CRITICALITY_POINTS: Record<RiskTier, number> = { low: 0, medium: 5, high: 15, critical: 20 };
const decisionLabels: Record<DecisionImpact, string> = {
  none: 'no decisions about people',
  informs: 'informs decisions about people',
  decides: 'decides about people',
};
const autonomyLabels: Record<AutonomyLevel, string> = {
  none: 'does not act on its own',
  assisted: 'acts with confirmation',
  autonomous: 'acts without confirmation',
};
const aiActClassLabels: Record<AiActClass, string> = {
  prohibited: 'prohibited practice',
  high_risk: 'high-risk system',
  gpai: 'general-purpose AI model',
  unknown: 'not classified',
  limited: 'transparency duties only',
  minimal: 'minimal risk',
};

/** Factor names in words, for reasons and reports. */
export const inherentFactorLabels: Record<InherentFactorResult['factor'], string> = {
  data_categories: 'data',
  decisions_about_people: 'decisions about people',
  autonomy: 'autonomy',
  ai_act_class: 'EU AI Act class',
  user_count: 'users',
  business_criticality: 'business criticality',
};

export const ASSUMED_POINTS = {
  data_categories: 20,
  decisions_about_people: 15,
  autonomy: 10,
  user_count: 5,
};

type Source = InherentFactorResult['source'];

export function scoreInherent(
  visible: readonly VisibleQuestion<Question>[],
  answers: Answers,
  context: UseContext,
  thresholds: TierThresholds,
): InherentRisk {
  const profile = (factor: InherentFactor): unknown => {
    const entry = visible.find((v) => v.question.inherentFactor === factor);
    if (!entry) return undefined;
    const state = answerState(entry.question, answers);
    return state.state === 'answered' ? state.answer.value : undefined;
  };
  const factors: InherentFactorResult[] = [
    dataFactor(profile('data_categories') as DataCategory[] | undefined, context.dataCategories),
    pickWorse(
      'decisions_about_people',
      profile('decisions_about_people') as DecisionImpact | undefined,
      context.decisionsAboutPeople,
      DECISION_POINTS,
      decisionLabels,
    ),
    pickWorse(
      'autonomy',
      profile('autonomy') as AutonomyLevel | undefined,
      context.autonomy,
      AUTONOMY_POINTS,
      autonomyLabels,
    ),
    pickWorse(
      'ai_act_class',
      profile('ai_act_class') as AiActClass | undefined,
      context.euAiActClass,
      AI_ACT_CLASS_POINTS,
      aiActClassLabels,
      'unknown',
    ),
    userFactor(profile('user_count') as number | undefined, context.observedUsers),
    criticalityFactor(context.businessCriticality),
  ];
  const score = Math.min(
    100,
    factors.reduce((sum, f) => sum + f.points, 0),
  );
  return { score, tier: tierFor(score, thresholds), factors };
}

function dataFactor(fromProfile: DataCategory[] | undefined, fromContext: DataCategory[] | undefined) {
  if (!fromProfile && !fromContext) {
    return result('data_categories', 'not stated', ASSUMED_POINTS.data_categories, 'assumed');
  }
  const union = dataCategories.filter((c) => fromProfile?.includes(c) || fromContext?.includes(c));
  const points = Math.max(0, ...union.map((c) => DATA_CATEGORY_POINTS[c]));
  const value = union.map((c) => dataCategoryLabels[c].toLowerCase()).join(', ');
  return result('data_categories', value, points, sourceOf(fromProfile, fromContext));
}

function pickWorse<V extends string>(
  factor: InherentFactor,
  fromProfile: V | undefined,
  fromContext: V | undefined,
  table: Record<V, number>,
  labels: Record<V, string>,
  unknown?: V,
): InherentFactorResult {
  if (fromProfile === undefined && fromContext === undefined) {
    const assumed =
      unknown !== undefined ? table[unknown] : ASSUMED_POINTS[factor as keyof typeof ASSUMED_POINTS];
    return result(factor, 'not stated', assumed ?? 0, 'assumed');
  }
  const p = fromProfile === undefined ? -1 : table[fromProfile];
  const c = fromContext === undefined ? -1 : table[fromContext];
  if (fromProfile !== undefined && p >= c) {
    return result(factor, labels[fromProfile], p, p === c ? 'both' : 'profile');
  }
  return result(factor, fromContext === undefined ? '' : labels[fromContext], c, 'use_context');
}

function userFactor(fromProfile: number | undefined, observed: number | undefined): InherentFactorResult {
  if (fromProfile === undefined && observed === undefined) {
    return result('user_count', 'not stated', ASSUMED_POINTS.user_count, 'assumed');
  }
  const p = fromProfile ?? -1;
  const o = observed ?? -1;
  const users = Math.max(p, o);
  const band = USER_COUNT_BANDS.find((b) => users >= b.min);
  const source: Source = p === o ? 'both' : p > o ? 'profile' : 'use_context';
  return result('user_count', `${users} users`, band?.points ?? 0, source);
}

function criticalityFactor(criticality: RiskTier | undefined): InherentFactorResult {
  if (criticality === undefined) return result('business_criticality', 'not rated', 0, 'assumed');
  return result(
    'business_criticality',
    `${criticality} criticality`,
    CRITICALITY_POINTS[criticality],
    'use_context',
  );
}

function sourceOf(fromProfile: unknown, fromContext: unknown): Source {
  if (fromProfile !== undefined && fromContext !== undefined) return 'both';
  return fromProfile !== undefined ? 'profile' : 'use_context';
}

function result(
  factor: InherentFactorResult['factor'],
  value: string,
  points: number,
  source: Source,
): InherentFactorResult {
  return { factor, value, points, source };
}
