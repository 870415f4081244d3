import type { CreateAiSystemInput } from '@sightline/shared/inventory/inventory-api';
import {
  aiActRoles,
  aiSystemOrigins,
  euAiActClasses,
  euAiActClassLabels,
  lifecycleStageLabels,
  lifecycleStages,
} from '@sightline/shared/inventory/inventory-enums';
import type { AiSystemView } from '@sightline/shared/inventory/inventory-view';
import { dataCategories, dataCategoryLabels } from '@sightline/shared/questionnaire/profile-vocabulary';
import { type FormEvent, useState } from 'react';

type Props = {
  initial?: AiSystemView;
  submitLabel: string;
  pending: boolean;
  error: string | null;
  onSubmit: (input: CreateAiSystemInput) => void;
};

const originLabels = { internal: 'Built by us', third_party: 'From suppliers' } as const;
const roleLabels = {
  provider: 'Provider',
  deployer: 'Deployer',
  importer: 'Importer',
  distributor: 'Distributor',
  product_manufacturer: 'Product manufacturer',
} as const;

/** The inventory's fields, for a new system and for changing one. */
export function SystemForm({ initial, submitLabel, pending, error, onSubmit }: Props) {
  const [decides, setDecides] = useState(initial?.decisionsAboutPeople ?? false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const orNull = (name: string) => text(name) || null;
    onSubmit({
      name: text('name'),
      purpose: text('purpose'),
      owner: text('owner'),
      origin: text('origin') as CreateAiSystemInput['origin'],
      lifecycleStage: text('lifecycleStage') as CreateAiSystemInput['lifecycleStage'],
      euAiActClass: text('euAiActClass') as CreateAiSystemInput['euAiActClass'],
      orgRole: text('orgRole') as CreateAiSystemInput['orgRole'],
      dataCategories: data.getAll('dataCategories').map(String) as CreateAiSystemInput['dataCategories'],
      decisionsAboutPeople: decides,
      decisionsDescription: decides ? orNull('decisionsDescription') : null,
      humanOversight: orNull('humanOversight'),
      serviceIds: text('serviceIds')
        .split(/[\s,]+/)
        .filter(Boolean),
      nextReviewOn: orNull('nextReviewOn'),
    });
  };
  return (
    <form onSubmit={submit} className="form-grid card" aria-label="AI system">
      <label>
        Name
        <input name="name" required maxLength={200} defaultValue={initial?.name} />
      </label>
      <label>
        Business owner
        <input name="owner" required maxLength={200} defaultValue={initial?.owner} />
      </label>
      <label className="wide">
        Purpose
        <textarea name="purpose" required rows={2} maxLength={4000} defaultValue={initial?.purpose} />
      </label>
      <label>
        Origin
        <select name="origin" defaultValue={initial?.origin ?? 'internal'}>
          {aiSystemOrigins.map((o) => (
            <option key={o} value={o}>
              {originLabels[o]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Life cycle stage (ISO/IEC 22989)
        <select name="lifecycleStage" defaultValue={initial?.lifecycleStage ?? 'inception'}>
          {lifecycleStages.map((s) => (
            <option key={s} value={s}>
              {lifecycleStageLabels[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        EU AI Act class
        <select name="euAiActClass" defaultValue={initial?.euAiActClass ?? 'unknown'}>
          {euAiActClasses.map((c) => (
            <option key={c} value={c}>
              {euAiActClassLabels[c]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Our role under the AI Act
        <select name="orgRole" defaultValue={initial?.orgRole ?? 'deployer'}>
          {aiActRoles.map((r) => (
            <option key={r} value={r}>
              {roleLabels[r]}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="wide checkbox-row">
        <legend>Data it handles</legend>
        {dataCategories.map((c) => (
          <label key={c} className="radio">
            <input
              type="checkbox"
              name="dataCategories"
              value={c}
              defaultChecked={initial?.dataCategories.includes(c)}
            />
            {dataCategoryLabels[c]}
          </label>
        ))}
      </fieldset>
      <label className="radio wide">
        <input type="checkbox" checked={decides} onChange={(e) => setDecides(e.target.checked)} />
        It makes or shapes decisions about people
      </label>
      {decides && (
        <label className="wide">
          Which decisions
          <textarea
            name="decisionsDescription"
            required
            rows={2}
            maxLength={2000}
            defaultValue={initial?.decisionsDescription ?? ''}
          />
        </label>
      )}
      <label className="wide">
        Human oversight: who reviews its outputs, who can stop it
        <textarea
          name="humanOversight"
          rows={2}
          maxLength={2000}
          defaultValue={initial?.humanOversight ?? ''}
        />
      </label>
      <label>
        Catalog services (ids, comma-separated)
        <input name="serviceIds" defaultValue={initial?.serviceIds.join(', ')} />
      </label>
      <label>
        Next review
        <input name="nextReviewOn" type="date" defaultValue={initial?.nextReviewOn ?? ''} />
      </label>
      {error && (
        <p role="alert" className="error wide">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
