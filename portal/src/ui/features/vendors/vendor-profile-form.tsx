import { riskTierSchema, riskTiers } from '@sightline/shared/assessments/assessment-states';
import { enteredServiceIdSchema } from '@sightline/shared/catalog/service-id';
import {
  createVendorSchema,
  type UpdateVendorInput,
  updateVendorSchema,
} from '@sightline/shared/vendors/vendor-api';
import {
  chosenVendorStatuses,
  chosenVendorStatusSchema,
  vendorStatusLabels,
} from '@sightline/shared/vendors/vendor-statuses';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { listOf, textOrNull } from '../../lib/form-fields';
import { intoContract } from '../../lib/into-contract';
import { textLimits } from '../../lib/schema-limits';
import { FieldError, fieldErrorProps, useZodForm } from '../../lib/zod-form';
import type { VendorDetail } from './vendor-queries';

const { shape } = updateVendorSchema;

/** The vendor's details as the form holds them: lists as comma-separated text, empty meaning none. */
const formSchema = intoContract(
  z.object({
    name: z.string(),
    website: textOrNull,
    status: chosenVendorStatusSchema,
    tier: riskTierSchema.or(z.literal('')).transform((tier) => tier || null),
    nextReviewOn: textOrNull,
    services: listOf(enteredServiceIdSchema),
    modelProviders: listOf(createVendorSchema.shape.modelProviders.unwrap().element),
    subProcessors: listOf(createVendorSchema.shape.subProcessors.unwrap().element),
    notes: textOrNull,
  }),
  updateVendorSchema,
);

/** People record only decisions; awaiting vendor and in review follow the assessments. */
const recordedStatus = (shown: string) => chosenVendorStatusSchema.safeParse(shown).data ?? 'prospect';

/** A vendor's details; admin and procurement change them, everyone else reads them. */
export function VendorProfileForm({ data, canWrite }: { data: VendorDetail; canWrite: boolean }) {
  const client = useQueryClient();
  const [saved, setSaved] = useState(false);
  const v = data.vendor;
  const form = useZodForm(formSchema, {
    disabled: !canWrite,
    defaultValues: {
      name: v.name,
      website: v.website ?? '',
      status: recordedStatus(v.status),
      tier: v.tier ?? '',
      nextReviewOn: v.nextReviewOn ?? '',
      services: data.services.join(', '),
      modelProviders: v.modelProviders.join(', '),
      subProcessors: v.subProcessors.join(', '),
      notes: v.notes ?? '',
    },
  });
  const save = useApiMutation({
    mutationFn: (json: UpdateVendorInput) =>
      unwrap(api.api.vendors[':id'].$patch({ param: { id: v.id }, json })),
    onMutate: () => setSaved(false),
    onSuccess: () => {
      setSaved(true);
      client.invalidateQueries({ queryKey: ['vendor', v.id] });
      client.invalidateQueries({ queryKey: ['vendors'] });
    },
    failure: 'Could not save',
  });
  const errors = form.formState.errors;
  const field = (name: keyof typeof errors) => fieldErrorProps(`vendor-${name}-error`, errors[name]);

  return (
    <form
      className="card form-grid"
      onSubmit={form.handleSubmit((json) => save.mutate(json))}
      aria-label="Vendor details"
      noValidate
    >
      <h2>Details</h2>
      <div className="field">
        <label>
          Name
          <input {...form.register('name')} required {...textLimits(shape.name)} {...field('name')} />
        </label>
        <FieldError id="vendor-name-error" message={errors.name?.message} />
      </div>
      <div className="field">
        <label>
          Website
          <input
            {...form.register('website')}
            type="url"
            {...textLimits(shape.website)}
            {...field('website')}
          />
        </label>
        <FieldError id="vendor-website-error" message={errors.website?.message} />
      </div>
      <label>
        Decision
        <select {...form.register('status')}>
          {chosenVendorStatuses.map((s) => (
            <option key={s} value={s}>
              {s === 'prospect' ? 'no decision yet' : vendorStatusLabels[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Risk tier
        <select {...form.register('tier')}>
          <option value="">Not set</option>
          {riskTiers.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <div className="field">
        <label>
          Next review
          <input {...form.register('nextReviewOn')} type="date" {...field('nextReviewOn')} />
        </label>
        <FieldError id="vendor-nextReviewOn-error" message={errors.nextReviewOn?.message} />
      </div>
      <div className="field">
        <label>
          Catalog services (comma-separated ids)
          <input {...form.register('services')} {...field('services')} />
        </label>
        <FieldError id="vendor-services-error" message={errors.services?.message} />
      </div>
      <div className="field">
        <label>
          Model providers they rely on
          <input
            {...form.register('modelProviders')}
            placeholder="OpenAI, Anthropic, …"
            {...field('modelProviders')}
          />
        </label>
        <FieldError id="vendor-modelProviders-error" message={errors.modelProviders?.message} />
      </div>
      <div className="field">
        <label>
          Sub-processors
          <input {...form.register('subProcessors')} placeholder="AWS, …" {...field('subProcessors')} />
        </label>
        <FieldError id="vendor-subProcessors-error" message={errors.subProcessors?.message} />
      </div>
      <div className="field wide">
        <label>
          Notes
          <textarea {...form.register('notes')} rows={2} {...textLimits(shape.notes)} {...field('notes')} />
        </label>
        <FieldError id="vendor-notes-error" message={errors.notes?.message} />
      </div>
      {canWrite && (
        <button type="submit" disabled={save.isPending}>
          Save details
        </button>
      )}
      {saved && (
        <p role="status" className="ok">
          Saved.
        </p>
      )}
      <ApiErrorAlert error={save.error} />
    </form>
  );
}
