import { enteredServiceIdSchema } from '@sightline/shared/catalog/service-id';
import { type CreateVendorInput, createVendorSchema } from '@sightline/shared/vendors/vendor-api';
import { useQueryClient } from '@tanstack/react-query';
import type { RefObject } from 'react';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { listOf, textOrUndefined } from '../../lib/form-fields';
import { intoContract } from '../../lib/into-contract';
import { textLimits } from '../../lib/schema-limits';
import { FieldError, fieldErrorProps, useZodForm } from '../../lib/zod-form';

const { shape } = createVendorSchema;

/** A name, and optionally a website and the catalog services the vendor provides (comma separated). */
const formSchema = intoContract(
  z.object({
    name: z.string(),
    website: textOrUndefined,
    services: listOf(enteredServiceIdSchema).transform((ids) => (ids.length > 0 ? ids : undefined)),
  }),
  createVendorSchema,
);

/** Adds a vendor to the register and opens it. `nameField` lets the empty list's button focus the name. */
export function NewVendorForm({ nameField }: { nameField: RefObject<HTMLInputElement | null> }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useZodForm(formSchema, { defaultValues: { name: '', website: '', services: '' } });
  const create = useApiMutation({
    mutationFn: (input: CreateVendorInput) => unwrap(api.api.vendors.$post({ json: input })),
    onSuccess: (created) => {
      client.invalidateQueries({ queryKey: ['vendors'] });
      navigate(`/vendors/${created.id}`);
    },
    failure: 'Could not add the vendor',
  });
  const errors = form.formState.errors;
  const name = form.register('name');

  return (
    <form
      className="card inline-form"
      onSubmit={form.handleSubmit((input) => create.mutate(input))}
      aria-label="Add a vendor"
      noValidate
    >
      <h2>Add a vendor</h2>
      <div className="field">
        <label>
          Name
          <input
            {...name}
            ref={(element) => {
              name.ref(element);
              nameField.current = element;
            }}
            required
            {...textLimits(shape.name)}
            {...fieldErrorProps('vendor-name-error', errors.name)}
          />
        </label>
        <FieldError id="vendor-name-error" message={errors.name?.message} />
      </div>
      <div className="field">
        <label>
          Website
          <input
            {...form.register('website')}
            type="url"
            placeholder="https://"
            {...textLimits(shape.website)}
            {...fieldErrorProps('vendor-website-error', errors.website)}
          />
        </label>
        <FieldError id="vendor-website-error" message={errors.website?.message} />
      </div>
      <div className="field">
        <label>
          Catalog service ids
          <input
            {...form.register('services')}
            placeholder="openai-chatgpt, …"
            {...fieldErrorProps('vendor-services-error', errors.services)}
          />
        </label>
        <FieldError id="vendor-services-error" message={errors.services?.message} />
      </div>
      <button type="submit" disabled={create.isPending}>
        Add vendor
      </button>
      <ApiErrorAlert error={create.error} />
    </form>
  );
}
