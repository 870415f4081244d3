import { type VendorContactInput, vendorContactInputSchema } from '@sightline/shared/vendors/vendor-api';
import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { EmptyState } from '../../components/empty-state';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { textOrUndefined } from '../../lib/form-fields';
import { intoContract } from '../../lib/into-contract';
import { textLimits } from '../../lib/schema-limits';
import { FieldError, fieldErrorProps, useZodForm } from '../../lib/zod-form';
import { type VendorDetail, vendorKey } from './vendor-queries';

type Props = { vendorId: string; contacts: VendorDetail['contacts']; canWrite: boolean };

const { shape } = vendorContactInputSchema;
const formSchema = intoContract(
  z.object({ name: z.string(), email: z.string(), title: textOrUndefined, isPrimary: z.boolean() }),
  vendorContactInputSchema,
);

export function VendorContacts({ vendorId, contacts, canWrite }: Props) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: vendorKey(vendorId) });
  const form = useZodForm(formSchema, {
    defaultValues: { name: '', email: '', title: '', isPrimary: false },
  });
  const add = useApiMutation({
    mutationFn: (json: VendorContactInput) =>
      unwrap(api.api.vendors[':id'].contacts.$post({ param: { id: vendorId }, json })),
    onSuccess: () => {
      form.reset();
      return refresh();
    },
    failure: 'Could not change contacts',
  });
  const remove = useApiMutation({
    mutationFn: (contactId: string) =>
      unwrap(api.api.vendors[':id'].contacts[':contactId'].$delete({ param: { id: vendorId, contactId } })),
    onSuccess: refresh,
    failure: 'Could not change contacts',
  });
  const errors = form.formState.errors;
  return (
    <>
      {contacts.length === 0 ? (
        <EmptyState title="No contacts yet">
          The people at this vendor who answer for it; an assessment goes to one of them.
          {canWrite && ' Add the first one below.'}
        </EmptyState>
      ) : (
        <table>
          <caption>Contacts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {contacts.map((c) => (
              <tr key={c.id}>
                <td>
                  {c.name} {c.isPrimary && <span className="badge">primary</span>}
                </td>
                <td>{c.email}</td>
                <td>{c.title ?? '—'}</td>
                <td>
                  {canWrite && (
                    <button type="button" className="link-button" onClick={() => remove.mutate(c.id)}>
                      Remove<span className="visually-hidden"> {c.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && (
        <form
          className="card inline-form"
          onSubmit={form.handleSubmit((json) => add.mutate(json))}
          aria-label="Add a contact"
          noValidate
        >
          <h2>Add a contact</h2>
          <div className="field">
            <label>
              Name
              <input
                {...form.register('name')}
                required
                {...textLimits(shape.name)}
                {...fieldErrorProps('contact-name-error', errors.name)}
              />
            </label>
            <FieldError id="contact-name-error" message={errors.name?.message} />
          </div>
          <div className="field">
            <label>
              Email
              <input
                {...form.register('email')}
                type="email"
                required
                {...textLimits(shape.email)}
                {...fieldErrorProps('contact-email-error', errors.email)}
              />
            </label>
            <FieldError id="contact-email-error" message={errors.email?.message} />
          </div>
          <div className="field">
            <label>
              Role or title
              <input
                {...form.register('title')}
                {...textLimits(shape.title)}
                {...fieldErrorProps('contact-title-error', errors.title)}
              />
            </label>
            <FieldError id="contact-title-error" message={errors.title?.message} />
          </div>
          <label className="checkbox">
            <input {...form.register('isPrimary')} type="checkbox" /> Primary contact
          </label>
          <button type="submit" disabled={add.isPending}>
            Add contact
          </button>
          <ApiErrorAlert error={add.error ?? remove.error} />
        </form>
      )}
    </>
  );
}
