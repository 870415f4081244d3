import { euAiActClassLabels } from '@sightline/shared/inventory/inventory-enums';
import {
  type AutonomyLevel,
  type DecisionImpact,
  dataCategoryLabels,
} from '@sightline/shared/questionnaire/profile-vocabulary';
import type { UseContext } from '@sightline/shared/questionnaire/use-context';

/** Plain-words labels, shared by the staff form, the staff facts card and the vendor page. */
export const decisionImpactLabels: Record<DecisionImpact, string> = {
  none: 'No: it does not feed decisions about people',
  informs: 'It informs decisions a person takes about people',
  decides: 'It decides about people on its own',
};
export const autonomyLabels: Record<AutonomyLevel, string> = {
  none: 'It only produces text or content',
  assisted: 'It acts in other systems after a person confirms',
  autonomous: 'It acts in other systems without a person confirming',
};
export const unclassifiedNote =
  'Not yet classified counts as high-risk until someone classifies it, so nothing is left out.';

/** The use context as a read-only list; fields nobody stated are left out. */
export function UseContextSummary({ context }: { context: Partial<UseContext> }) {
  const rows: [string, string][] = [];
  if (context.purpose) rows.push(['What it is for', context.purpose]);
  if (context.dataCategories?.length)
    rows.push(['Data it will see', context.dataCategories.map((c) => dataCategoryLabels[c]).join(', ')]);
  if (context.decisionsAboutPeople)
    rows.push(['Decisions about people', decisionImpactLabels[context.decisionsAboutPeople]]);
  if (context.autonomy) rows.push(['Acting on its own', autonomyLabels[context.autonomy]]);
  if (context.euAiActClass) rows.push(['EU AI Act class', euAiActClassLabels[context.euAiActClass]]);
  if (context.expectedUsers !== undefined)
    rows.push(['People expected to use it', String(context.expectedUsers)]);
  if (context.observedUsers !== undefined)
    rows.push(['People the extension saw on it', String(context.observedUsers)]);
  if (context.businessCriticality) rows.push(['Business criticality', context.businessCriticality]);
  if (context.supportsCriticalFunction !== undefined)
    rows.push(['Supports a critical or important function', context.supportsCriticalFunction ? 'Yes' : 'No']);
  if (rows.length === 0) return <p className="muted">Not stated.</p>;
  return (
    <dl className="use-context">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
