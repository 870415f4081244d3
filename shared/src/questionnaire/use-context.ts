import { z } from 'zod';
import { riskTierSchema } from '../assessments/assessment-states';
import { euAiActClasses, euAiActClassSchema } from '../inventory/inventory-enums';
import {
  autonomyLevelSchema,
  autonomyLevels,
  dataCategories,
  dataCategorySchema,
  decisionImpactSchema,
  decisionImpacts,
  type InherentFactor,
} from './profile-vocabulary';

/**
 * The use profile: what the organisation knows of its own use, filled when it creates the
 * assessment (prefilled from access requests and from what the extension observed). Inherent risk
 * and question visibility read it; the vendor's own declarations can add to it, never remove from it.
 * Every field is optional so that contexts stored before a field existed still parse.
 */
export const useContextSchema = z.strictObject({
  /** What the service will do for us, in our words. */
  purpose: z.string().trim().min(1).max(4000).optional(),
  dataCategories: z.array(dataCategorySchema).optional(),
  businessCriticality: riskTierSchema.optional(),
  /** Whether the service supports a critical or important function (DORA Art. 3(22)). */
  supportsCriticalFunction: z.boolean().optional(),
  /** Staff we expect to use it. */
  expectedUsers: z.number().int().min(0).optional(),
  /** Distinct users the extension saw on the service. */
  observedUsers: z.number().int().min(0).optional(),
  decisionsAboutPeople: decisionImpactSchema.optional(),
  autonomy: autonomyLevelSchema.optional(),
  /** The system's EU AI Act class for our use, as we see it; "unknown" until a person classifies it. */
  euAiActClass: euAiActClassSchema.optional(),
});
export type UseContext = z.infer<typeof useContextSchema>;

/**
 * The fields of the use context a template's conditions may read, with the values a condition may
 * compare them to. A yes/no fact reads as "yes" or "no".
 */
export const contextConditionFields = {
  dataCategories,
  decisionsAboutPeople: decisionImpacts,
  autonomy: autonomyLevels,
  euAiActClass: euAiActClasses,
  supportsCriticalFunction: ['yes', 'no'],
} as const;
export type ContextConditionField = keyof typeof contextConditionFields;
export const contextConditionFieldNames = Object.keys(contextConditionFields) as ContextConditionField[];

/** Stated values that still mean "nobody knows": they count as unknown, so they show more, never less. */
const unknownContextValues: Partial<Record<ContextConditionField, readonly string[]>> = {
  euAiActClass: ['unknown'],
};

/** A context field as conditions see it: its values, "unknown", or unstated. */
export type ContextFieldState =
  | { kind: 'values'; values: string[] }
  | { kind: 'unknown' }
  | { kind: 'unstated' };

export function contextFieldState(
  context: UseContext | undefined,
  field: ContextConditionField,
): ContextFieldState {
  const raw = context?.[field];
  if (raw === undefined) return { kind: 'unstated' };
  const values = typeof raw === 'boolean' ? [raw ? 'yes' : 'no'] : Array.isArray(raw) ? [...raw] : [raw];
  if (values.some((v) => unknownContextValues[field]?.includes(v))) return { kind: 'unknown' };
  return { kind: 'values', values };
}

/** What the vendor page may show of the use profile, read-only: no observed figures, no criticality. */
export const publicUseContextSchema = useContextSchema.pick({
  purpose: true,
  dataCategories: true,
  supportsCriticalFunction: true,
  expectedUsers: true,
  decisionsAboutPeople: true,
  autonomy: true,
  euAiActClass: true,
});
export type PublicUseContext = z.infer<typeof publicUseContextSchema>;

export function toPublicUseContext(context: UseContext): PublicUseContext {
  const result: PublicUseContext = {};
  if (context.purpose !== undefined) result.purpose = context.purpose;
  if (context.dataCategories !== undefined) result.dataCategories = context.dataCategories;
  if (context.supportsCriticalFunction !== undefined)
    result.supportsCriticalFunction = context.supportsCriticalFunction;
  if (context.expectedUsers !== undefined) result.expectedUsers = context.expectedUsers;
  if (context.decisionsAboutPeople !== undefined) result.decisionsAboutPeople = context.decisionsAboutPeople;
  if (context.autonomy !== undefined) result.autonomy = context.autonomy;
  if (context.euAiActClass !== undefined) result.euAiActClass = context.euAiActClass;
  return result;
}

/** The use-context field each inherent-risk factor of a profile question mirrors. */
export const mirroredContextField: Partial<Record<InherentFactor, ContextConditionField>> = {
  data_categories: 'dataCategories',
  decisions_about_people: 'decisionsAboutPeople',
  autonomy: 'autonomy',
  ai_act_class: 'euAiActClass',
};
