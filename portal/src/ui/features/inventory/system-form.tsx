import { enteredServiceIdSchema } from '@sightline/shared/catalog/service-id';
import type { ApiClientError } from '@sightline/shared/http/api-client-error';
import { type CreateAiSystemInput, createAiSystemSchema } from '@sightline/shared/inventory/inventory-api';
import {
  aiActRoles,
  aiSystemOrigins,
  euAiActClasses,
  euAiActClassLabels,
  lifecycleStageLabels,
  lifecycleStages,
} from '@sightline/shared/inventory/inventory-enums';
import type { AiSystemView } from '@sightline/shared/inventory/inventory-view';
import {
  dataCategories,
  dataCategoryLabels,
  dataCategorySchema,
} from '@sightline/shared/questionnaire/profile-vocabulary';
import { z } from 'zod';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { listOf, textOrNull } from '../../lib/form-fields';
import { intoContract } from '../../lib/into-contract';
import { textLimits } from '../../lib/schema-limits';
import { FieldError, fieldErrorProps, useZodForm } from '../../lib/zod-form';

type Props = {
  initial?: AiSystemView;
  submitLabel: string;
  pending: boolean;
  error: ApiClientError | null;
  onSubmit: (input: CreateAiSystemInput) => void;
};

const { shape } = createAiSystemSchema;

/** The system as the form holds it; the decisions are described only while the box is ticked. */
const formSchema = intoContract(
  z
    .object({
      name: z.string(),
      purpose: z.string(),
      owner: z.string(),
      origin: shape.origin.unwrap(),
      lifecycleStage: shape.lifecycleStage.unwrap(),
      euAiActClass: shape.euAiActClass.unwrap(),
      orgRole: shape.orgRole.unwrap(),
      // One checkbox ticked gives its value alone, none gives false: both become the list.
      dataCategories: z
        .union([z.array(dataCategorySchema), dataCategorySchema, z.literal(false)])
        .transform((v) => (v === false ? [] : Array.isArray(v) ? v : [v])),
      decisionsAboutPeople: z.boolean(),
      decisionsDescription: textOrNull,
      humanOversight: textOrNull,
      serviceIds: listOf(enteredServiceIdSchema, /[\s,]+/),
      nextReviewOn: textOrNull,
    })
    .transform((v) => ({
      ...v,
      decisionsDescription: v.decisionsAboutPeople ? v.decisionsDescription : null,
    })),
  createAiSystemSchema,
);

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
  const form = useZodForm(formSchema, {
    defaultValues: {
      name: initial?.name ?? '',
      purpose: initial?.purpose ?? '',
      owner: initial?.owner ?? '',
      origin: initial?.origin ?? 'internal',
      lifecycleStage: initial?.lifecycleStage ?? 'inception',
      euAiActClass: initial?.euAiActClass ?? 'unknown',
      orgRole: initial?.orgRole ?? 'deployer',
      dataCategories: initial?.dataCategories ?? [],
      decisionsAboutPeople: initial?.decisionsAboutPeople ?? false,
      decisionsDescription: initial?.decisionsDescription ?? '',
      humanOversight: initial?.humanOversight ?? '',
      serviceIds: initial?.serviceIds.join(', ') ?? '',
      nextReviewOn: initial?.nextReviewOn ?? '',
    },
  });
  const decides = form.watch('decisionsAboutPeople');
  const errors = form.formState.errors;
  const field = (name: keyof typeof errors) => fieldErrorProps(`system-${name}-error`, errors[name]);
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="form-grid card" aria-label="AI system" noValidate>
      <div className="field">
        <label>
          Name
          <input {...form.register('name')} required {...textLimits(shape.name)} {...field('name')} />
        </label>
        <FieldError id="system-name-error" message={errors.name?.message} />
      </div>
      <div className="field">
        <label>
          Business owner
          <input {...form.register('owner')} required {...textLimits(shape.owner)} {...field('owner')} />
        </label>
        <FieldError id="system-owner-error" message={errors.owner?.message} />
      </div>
      <div className="field wide">
        <label>
          Purpose
          <textarea
            {...form.register('purpose')}
            required
            rows={2}
            {...textLimits(shape.purpose)}
            {...field('purpose')}
          />
        </label>
        <FieldError id="system-purpose-error" message={errors.purpose?.message} />
      </div>
      <label>
        Origin
        <select {...form.register('origin')}>
          {aiSystemOrigins.map((o) => (
            <option key={o} value={o}>
              {originLabels[o]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Life cycle stage (ISO/IEC 22989)
        <select {...form.register('lifecycleStage')}>
          {lifecycleStages.map((s) => (
            <option key={s} value={s}>
              {lifecycleStageLabels[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        EU AI Act class
        <select {...form.register('euAiActClass')}>
          {euAiActClasses.map((c) => (
            <option key={c} value={c}>
              {euAiActClassLabels[c]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Our role under the AI Act
        <select {...form.register('orgRole')}>
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
            <input type="checkbox" {...form.register('dataCategories')} value={c} />
            {dataCategoryLabels[c]}
          </label>
        ))}
      </fieldset>
      <label className="radio wide">
        <input type="checkbox" {...form.register('decisionsAboutPeople')} />
        It makes or shapes decisions about people
      </label>
      {decides && (
        <div className="field wide">
          <label>
            Which decisions
            <textarea
              {...form.register('decisionsDescription')}
              required
              rows={2}
              {...textLimits(shape.decisionsDescription)}
              {...field('decisionsDescription')}
            />
          </label>
          <FieldError id="system-decisionsDescription-error" message={errors.decisionsDescription?.message} />
        </div>
      )}
      <div className="field wide">
        <label>
          Human oversight: who reviews its outputs, who can stop it
          <textarea
            {...form.register('humanOversight')}
            rows={2}
            {...textLimits(shape.humanOversight)}
            {...field('humanOversight')}
          />
        </label>
        <FieldError id="system-humanOversight-error" message={errors.humanOversight?.message} />
      </div>
      <div className="field">
        <label>
          Catalog services (ids, comma-separated)
          <input {...form.register('serviceIds')} {...field('serviceIds')} />
        </label>
        <FieldError id="system-serviceIds-error" message={errors.serviceIds?.message} />
      </div>
      <div className="field">
        <label>
          Next review
          <input {...form.register('nextReviewOn')} type="date" {...field('nextReviewOn')} />
        </label>
        <FieldError id="system-nextReviewOn-error" message={errors.nextReviewOn?.message} />
      </div>
      <ApiErrorAlert error={error} className="wide" />
      <button type="submit" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
