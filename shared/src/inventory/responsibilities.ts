import { z } from 'zod';
import { plainText } from '../extension-api/text';

/**
 * The life-cycle activities whose owner A.10.2 asks the organisation to decide and write down, per
 * supplier of an AI system.
 */
export const responsibilityActivities = [
  'providing_data',
  'model_development',
  'deployment',
  'performance_monitoring',
  'incident_handling',
  'user_transparency',
  'human_oversight',
] as const;
export type ResponsibilityActivity = (typeof responsibilityActivities)[number];

export const responsibilityActivityLabels: Record<ResponsibilityActivity, string> = {
  providing_data: 'Providing data',
  model_development: 'Developing or fine-tuning the model',
  deployment: 'Deploying the system',
  performance_monitoring: 'Monitoring performance',
  incident_handling: 'Handling incidents',
  user_transparency: 'Giving transparency information to users',
  human_oversight: 'Ensuring human oversight',
};

export const responsibleParties = ['organisation', 'supplier', 'shared', 'not_applicable'] as const;
export const responsiblePartySchema = z.enum(responsibleParties);
export type ResponsibleParty = z.infer<typeof responsiblePartySchema>;

export const responsibilitySchema = z.strictObject({
  party: responsiblePartySchema,
  note: plainText(0, 1000).nullable().default(null),
});
export type Responsibility = z.infer<typeof responsibilitySchema>;

/** Every activity has an owner; an activity nobody decided yet is "shared" with a note saying so. */
export const responsibilityMatrixSchema = z.strictObject(
  Object.fromEntries(responsibilityActivities.map((a) => [a, responsibilitySchema])) as Record<
    ResponsibilityActivity,
    typeof responsibilitySchema
  >,
);
export type ResponsibilityMatrix = z.infer<typeof responsibilityMatrixSchema>;

/** A partial update: only the activities named change. */
export const responsibilityMatrixPatchSchema = responsibilityMatrixSchema.partial();

/** The starting split for a bought service before anyone refines it. */
export function defaultResponsibilities(): ResponsibilityMatrix {
  const undecided = (party: ResponsibleParty, note: string | null = null): Responsibility => ({
    party,
    note,
  });
  return {
    providing_data: undecided('organisation'),
    model_development: undecided('supplier'),
    deployment: undecided('shared'),
    performance_monitoring: undecided('shared'),
    incident_handling: undecided('shared'),
    user_transparency: undecided('organisation'),
    human_oversight: undecided('organisation'),
  };
}
