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
import { effectiveOptions } from '../questionnaire/question-helpers';
import type { Question } from '../questionnaire/template-schema';
import type { VisibleQuestion } from '../questionnaire/visibility';
import type { UseContext } from './score-input-schema';
import type { InherentFactorResult, InherentRisk } from './score-result-schema';
import { type TierThresholds, tierFor } from './tiers';

type AiActClass = (typeof euAiActClasses)[number];

/**
 * Inherent risk adds points per factor, capped at 100, so a reviewer can read each contribution.
 * The worst data category counts, not the sum: data risk is about the most sensitive item at stake.
 * A factor nobody stated is assumed middling, never harmless; a profile question the vendor was
 * shown and left blank (or answered "we cannot say") counts as its riskiest value, so silence never
 * scores better than an answer. The EU AI Act class counts as unknown until the organisation states
 * it, and unknown counts as high-risk, the riskiest plausible class. Calibration: an internal-data
 * tool for a team is low; confidential data across a few hundred staff is medium; personal data in a
 * general-purpose assistant used company-wide is high; hiring decisions in a high-risk system are critical.
 */
export const DATA_CATEGORY_POINTS: Record<DataCategory, number> = {
  none: 0,
  public: 0,
  internal: 10,
  confidential: 20,
  financial: 20,
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
  unknown: 30,
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
  unknown: 'not classified, counted as high-risk',
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

/** A profile answer as inherent risk reads it: a value, silence (shown but not answered), or absent. */
type Stated<V> = { kind: 'value'; value: V } | { kind: 'silent' } | { kind: 'absent' };

export function scoreInherent(
  visible: readonly VisibleQuestion<Question>[],
  answers: Answers,
  context: UseContext,
  thresholds: TierThresholds,
): InherentRisk {
  const profile = <V>(factor: InherentFactor): Stated<V> => {
    const entry = visible.find((v) => v.question.inherentFactor === factor);
    if (!entry) return { kind: 'absent' };
    const state = answerState(entry.question, answers);
    if (state.state === 'not_applicable') return { kind: 'absent' };
    if (state.state !== 'answered' || state.answer.value === undefined) return { kind: 'silent' };
    const value = state.answer.value;
    const chosen = Array.isArray(value) ? value : [String(value)];
    if (effectiveOptions(entry.question).some((o) => o.unknown && chosen.includes(o.value))) {
      return { kind: 'silent' };
    }
    return { kind: 'value', value: value as V };
  };
  const factors: InherentFactorResult[] = [
    dataFactor(profile<DataCategory[]>('data_categories'), context.dataCategories),
    pickWorse(
      'decisions_about_people',
      profile<DecisionImpact>('decisions_about_people'),
      context.decisionsAboutPeople,
      DECISION_POINTS,
      decisionLabels,
    ),
    pickWorse(
      'autonomy',
      profile<AutonomyLevel>('autonomy'),
      context.autonomy,
      AUTONOMY_POINTS,
      autonomyLabels,
    ),
    classFactor(profile<AiActClass>('ai_act_class'), context.euAiActClass),
    userFactor(profile<number>('user_count'), context),
    criticalityFactor(context.businessCriticality),
  ];
  const score = Math.min(
    100,
    factors.reduce((sum, f) => sum + f.points, 0),
  );
  return { score, tier: tierFor(score, thresholds), factors };
}

const SILENT = 'asked but not answered: counted as the riskiest';

function dataFactor(fromProfile: Stated<DataCategory[]>, fromContext: DataCategory[] | undefined) {
  if (fromProfile.kind === 'silent') {
    return result('data_categories', SILENT, Math.max(...Object.values(DATA_CATEGORY_POINTS)), 'assumed');
  }
  const answered = fromProfile.kind === 'value' ? fromProfile.value : undefined;
  if (!answered && !fromContext) {
    return result('data_categories', 'not stated', ASSUMED_POINTS.data_categories, 'assumed');
  }
  const union = dataCategories.filter((c) => answered?.includes(c) || fromContext?.includes(c));
  const points = Math.max(0, ...union.map((c) => DATA_CATEGORY_POINTS[c]));
  const value = union.map((c) => dataCategoryLabels[c].toLowerCase()).join(', ');
  return result('data_categories', value, points, sourceOf(answered, fromContext));
}

function pickWorse<V extends string>(
  factor: InherentFactor,
  stated: Stated<V>,
  fromContext: V | undefined,
  table: Record<V, number>,
  labels: Record<V, string>,
): InherentFactorResult {
  if (stated.kind === 'silent')
    return result(factor, SILENT, Math.max(...Object.values<number>(table)), 'assumed');
  const fromProfile = stated.kind === 'value' ? stated.value : undefined;
  if (fromProfile === undefined && fromContext === undefined) {
    return result(
      factor,
      'not stated',
      ASSUMED_POINTS[factor as keyof typeof ASSUMED_POINTS] ?? 0,
      'assumed',
    );
  }
  return worseOf(factor, fromProfile, fromContext, table, labels);
}

/** Unknown until the organisation classifies its use; the vendor's own class can only add to that. */
function classFactor(stated: Stated<AiActClass>, fromContext: AiActClass | undefined): InherentFactorResult {
  const fromProfile =
    stated.kind === 'value' ? stated.value : stated.kind === 'silent' ? 'unknown' : undefined;
  const ours = fromContext ?? 'unknown';
  const worse = worseOf('ai_act_class', fromProfile, ours, AI_ACT_CLASS_POINTS, aiActClassLabels);
  const nobodySaid = fromContext === undefined && (stated.kind !== 'value' || worse.source === 'use_context');
  return nobodySaid ? { ...worse, source: 'assumed' } : worse;
}

function worseOf<V extends string>(
  factor: InherentFactorResult['factor'],
  fromProfile: V | undefined,
  fromContext: V | undefined,
  table: Record<V, number>,
  labels: Record<V, string>,
): InherentFactorResult {
  const p = fromProfile === undefined ? -1 : table[fromProfile];
  const c = fromContext === undefined ? -1 : table[fromContext];
  if (fromProfile !== undefined && p >= c) {
    return result(factor, labels[fromProfile], p, fromProfile === fromContext ? 'both' : 'profile');
  }
  return result(factor, fromContext === undefined ? '' : labels[fromContext], c, 'use_context');
}

function userFactor(stated: Stated<number>, context: UseContext): InherentFactorResult {
  if (stated.kind === 'silent') return result('user_count', SILENT, USER_COUNT_BANDS[0].points, 'assumed');
  const fromProfile = stated.kind === 'value' ? stated.value : undefined;
  const known = [context.expectedUsers, context.observedUsers].filter((n): n is number => n !== undefined);
  if (fromProfile === undefined && known.length === 0) {
    return result('user_count', 'not stated', ASSUMED_POINTS.user_count, 'assumed');
  }
  const p = fromProfile ?? -1;
  const o = Math.max(-1, ...known);
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
