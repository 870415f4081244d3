import type { DecisionOutcome } from '../assessments/assessment-states';
import type { Answers } from '../questionnaire/answer-schema';
import { lookup } from '../questionnaire/lookup';
import { type DataCategory, dataCategorySchema } from '../questionnaire/profile-vocabulary';
import type { UseContext } from '../questionnaire/use-context';
import { type EuAiActClass, euAiActClassSchema, type LifecycleStage } from './inventory-enums';

export type SystemPrefillInput = {
  answers: Answers;
  /** The catalog service's name, when the assessment names a service. */
  serviceName: string | null;
  vendorName: string;
  /**
   * The organisation's use context. Template v2 asks the vendor nothing about our use, so the
   * purpose, data, decisions about people and AI Act class come from here; a v1 snapshot's profile
   * answers still fill whatever the context leaves blank.
   */
  context: UseContext | undefined;
  outcome: DecisionOutcome;
};

export type SystemPrefill = {
  name: string;
  purpose: string;
  euAiActClass: EuAiActClass;
  dataCategories: DataCategory[];
  decisionsAboutPeople: boolean;
  decisionsDescription: string | null;
  humanOversight: string | null;
  lifecycleStage: LifecycleStage;
};

const decisionDescriptions: Record<string, string> = {
  informs: 'Its outputs inform decisions about individuals that a person then takes.',
  decides: 'It takes or applies decisions about individuals without a person deciding each case.',
};

const oversightFeatures: [string, string][] = [
  ['ovs.review', 'a person can check an output before it takes effect on someone'],
  ['ovs.override', 'that person can change or reject the output, and their decision wins'],
  ['ovs.stop', 'the features that affect people can be paused on their own'],
];

/**
 * An inventory entry for a bought AI system, prefilled from the assessment that decided it: the
 * use context (or, for a v1 questionnaire, the profile answers) gives the purpose, EU AI Act class, data and decisions about people; the oversight
 * answers say how people stay in control. An approved system enters at deployment; a rejected one
 * is recorded as retired from use (staff used it before anyone decided).
 */
export function systemFromAssessment(input: SystemPrefillInput): SystemPrefill {
  const { answers } = input;
  const context = input.context ?? {};
  const text = (id: string) => {
    const value = lookup(answers, id)?.value;
    return typeof value === 'string' && value.trim() ? value.trim() : null;
  };
  const name = input.serviceName ?? input.vendorName;
  // A context class of "unknown" says nobody has classified it yet, so a v1 answer may still tell.
  const knownContextClass = context.euAiActClass !== 'unknown' ? context.euAiActClass : undefined;
  const declaredClass = euAiActClassSchema.safeParse(
    knownContextClass ?? lookup(answers, 'profile.ai_act_class')?.value,
  );
  const impact = context.decisionsAboutPeople ?? text('profile.decisions_about_people');
  const answeredCategories = lookup(answers, 'profile.data_categories')?.value;
  const categories = new Set<DataCategory>();
  for (const c of [
    ...(Array.isArray(answeredCategories) ? answeredCategories : []),
    ...(context.dataCategories ?? []),
  ]) {
    const parsed = dataCategorySchema.safeParse(c);
    if (parsed.success && parsed.data !== 'none') categories.add(parsed.data);
  }
  const oversight = oversightFeatures
    .filter(([id]) => lookup(answers, id)?.value !== undefined)
    .map(([id, label]) => `${lookup(answers, id)?.value === 'yes' ? '' : 'not: '}${label}`);
  return {
    name: name.slice(0, 200),
    purpose: (context.purpose?.trim() || text('profile.purpose') || `Use of ${name}`).slice(0, 4000),
    euAiActClass: declaredClass.success ? declaredClass.data : 'unknown',
    dataCategories: [...categories],
    decisionsAboutPeople: impact === 'informs' || impact === 'decides',
    decisionsDescription: (impact && decisionDescriptions[impact]) || null,
    humanOversight: oversight.length ? `Vendor's answers: ${oversight.join('; ')}.` : null,
    lifecycleStage: input.outcome === 'reject' ? 'retirement' : 'deployment',
  };
}
