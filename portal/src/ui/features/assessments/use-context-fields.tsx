import { riskTiers } from '@sightline/shared/assessments/assessment-states';
import { euAiActClasses, euAiActClassLabels } from '@sightline/shared/inventory/inventory-enums';
import {
  autonomyLevels,
  type DataCategory,
  dataCategories,
  dataCategoryLabels,
  decisionImpacts,
} from '@sightline/shared/questionnaire/profile-vocabulary';
import { type UseContext, useContextSchema } from '@sightline/shared/questionnaire/use-context';
import { autonomyLabels, decisionImpactLabels, unclassifiedNote } from '../../components/use-context-summary';
import { optionOf } from '../../lib/form-fields';
import { numberLimits, textLimits } from '../../lib/schema-limits';

const field = useContextSchema.shape;

type Props = {
  value: UseContext;
  onChange: (next: UseContext) => void;
  /** Distinct people the extension saw on the service, when known before creating. */
  observedUsers?: number | undefined;
};

/** Drops a field when the input is emptied, so "not stated" stays distinct from a value. */
function withField<K extends keyof UseContext>(
  ctx: UseContext,
  key: K,
  v: UseContext[K] | undefined,
): UseContext {
  const next = { ...ctx };
  if (v === undefined) delete next[key];
  else next[key] = v;
  return next;
}

/** "Our use of this service": what the organisation knows of its own use; the vendor is never asked. */
export function UseContextFields({ value, onChange, observedUsers }: Props) {
  const set = <K extends keyof UseContext>(key: K, v: UseContext[K] | undefined) =>
    onChange(withField(value, key, v));
  const toggleCategory = (c: DataCategory, on: boolean) => {
    const current = value.dataCategories ?? [];
    const next = on ? [...current.filter((x) => x !== c), c] : current.filter((x) => x !== c);
    set('dataCategories', next.length ? next : undefined);
  };
  return (
    <fieldset className="wide use-context-fields">
      <legend>Our use of this service</legend>
      <p className="muted">
        What we know of our own use. Risk and which questions the vendor sees are worked out from this; the
        vendor sees it as context and is not asked about it.
      </p>
      <label className="wide">
        What we will use it for
        <textarea
          name="purpose"
          maxLength={textLimits(field.purpose).maxLength}
          rows={2}
          value={value.purpose ?? ''}
          onChange={(e) => set('purpose', e.target.value.trim() ? e.target.value : undefined)}
        />
      </label>
      <fieldset className="wide">
        <legend>Data it will see</legend>
        {dataCategories.map((c) => (
          <label key={c} className="inline">
            <input
              type="checkbox"
              checked={value.dataCategories?.includes(c) ?? false}
              onChange={(e) => toggleCategory(c, e.target.checked)}
            />
            {dataCategoryLabels[c]}
          </label>
        ))}
      </fieldset>
      <label>
        Does it feed decisions about people (hiring, credit, access to services)?
        <select
          value={value.decisionsAboutPeople ?? ''}
          onChange={(e) => set('decisionsAboutPeople', optionOf(field.decisionsAboutPeople, e.target.value))}
        >
          <option value="">Not stated</option>
          {decisionImpacts.map((d) => (
            <option key={d} value={d}>
              {decisionImpactLabels[d]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Does it act on its own?
        <select
          value={value.autonomy ?? ''}
          onChange={(e) => set('autonomy', optionOf(field.autonomy, e.target.value))}
        >
          <option value="">Not stated</option>
          {autonomyLevels.map((a) => (
            <option key={a} value={a}>
              {autonomyLabels[a]}
            </option>
          ))}
        </select>
      </label>
      <label>
        EU AI Act class for our use
        <select
          value={value.euAiActClass ?? ''}
          onChange={(e) => set('euAiActClass', optionOf(field.euAiActClass, e.target.value))}
          aria-describedby="ai-act-class-note"
        >
          <option value="">Not stated</option>
          {euAiActClasses.map((c) => (
            <option key={c} value={c}>
              {euAiActClassLabels[c]}
            </option>
          ))}
        </select>
        <small id="ai-act-class-note">{unclassifiedNote}</small>
      </label>
      <label>
        How critical it is to the business
        <select
          value={value.businessCriticality ?? ''}
          onChange={(e) => set('businessCriticality', optionOf(field.businessCriticality, e.target.value))}
        >
          <option value="">Not stated</option>
          {riskTiers.map((t) => (
            <option key={t} value={t}>
              {t[0]?.toUpperCase()}
              {t.slice(1)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Does it support a critical or important function (DORA)?
        <select
          value={
            value.supportsCriticalFunction === undefined ? '' : value.supportsCriticalFunction ? 'yes' : 'no'
          }
          onChange={(e) =>
            set('supportsCriticalFunction', e.target.value === '' ? undefined : e.target.value === 'yes')
          }
        >
          <option value="">Not stated</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </select>
      </label>
      <label>
        People we expect to use it
        <input
          type="number"
          {...numberLimits(field.expectedUsers)}
          step={1}
          value={value.expectedUsers ?? ''}
          onChange={(e) =>
            set(
              'expectedUsers',
              e.target.value === '' ? undefined : Math.max(0, Math.floor(Number(e.target.value))),
            )
          }
        />
      </label>
      <p className="muted">
        People the extension saw on it:{' '}
        {observedUsers !== undefined
          ? observedUsers
          : 'filled from what the extension saw when you create it (when a catalog service is named).'}
      </p>
    </fieldset>
  );
}
