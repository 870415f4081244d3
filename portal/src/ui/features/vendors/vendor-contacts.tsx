import { toApiClientError } from '@sightline/shared/http/api-client-error';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { api, unwrap } from '../../lib/api';
import { type VendorDetail, vendorKey } from './vendor-queries';

type Props = { vendorId: string; contacts: VendorDetail['contacts']; canWrite: boolean };

export function VendorContacts({ vendorId, contacts, canWrite }: Props) {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: vendorKey(vendorId) });
  const onError = (e: Error) => setError(toApiClientError(e, 'Could not change contacts').message);
  const add = useMutation({
    mutationFn: (json: { name: string; email: string; title?: string; isPrimary?: boolean }) =>
      unwrap(api.api.vendors[':id'].contacts.$post({ param: { id: vendorId }, json })),
    onSuccess: refresh,
    onError,
  });
  const remove = useMutation({
    mutationFn: (contactId: string) =>
      unwrap(api.api.vendors[':id'].contacts[':contactId'].$delete({ param: { id: vendorId, contactId } })),
    onSuccess: refresh,
    onError,
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    const title = String(f.get('title') ?? '').trim();
    setError(null);
    add.mutate(
      {
        name: String(f.get('name')),
        email: String(f.get('email')),
        ...(title ? { title } : {}),
        isPrimary: f.get('isPrimary') === 'on',
      },
      { onSuccess: () => form.reset() },
    );
  };
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
        <form className="card inline-form" onSubmit={onSubmit} aria-label="Add a contact">
          <h2>Add a contact</h2>
          <label>
            Name
            <input name="name" required maxLength={200} />
          </label>
          <label>
            Email
            <input name="email" type="email" required />
          </label>
          <label>
            Role or title
            <input name="title" maxLength={200} />
          </label>
          <label className="checkbox">
            <input name="isPrimary" type="checkbox" /> Primary contact
          </label>
          <button type="submit" disabled={add.isPending}>
            Add contact
          </button>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
        </form>
      )}
    </>
  );
}
