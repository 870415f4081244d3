import type { SsoProviderView } from '@sightline/shared/auth/sso-api';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { type CreateOutput, SsoProviderForm, type UpdateOutput } from './sso-provider-form';

/** Single sign-on (admins only): the OpenID Connect providers staff sign in with, and their group mapping. */
export function SsoSection() {
  const client = useQueryClient();
  const providers = useQuery({
    queryKey: ['sso-providers'],
    queryFn: () => unwrap(api.api.sso.providers.$get()),
  });
  const [editing, setEditing] = useState<SsoProviderView | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const done = (message: string) => {
    setEditing(null);
    setSaved(message);
    void client.invalidateQueries({ queryKey: ['sso-providers'] });
  };
  const create = useApiMutation({
    mutationFn: (json: CreateOutput) => unwrap(api.api.sso.providers.$post({ json })),
    onSuccess: (_r, input) => done(`${input.label} added. People of its domains now sign in there.`),
    failure: 'Could not add the provider',
  });
  const update = useApiMutation({
    mutationFn: ({ providerId, json }: { providerId: string; json: UpdateOutput }) =>
      unwrap(api.api.sso.providers[':providerId'].$put({ param: { providerId }, json })),
    onSuccess: (_r, { json }) => done(`${json.label} saved.`),
    failure: 'Could not save the provider',
  });
  const remove = useApiMutation({
    mutationFn: (providerId: string) =>
      unwrap(api.api.sso.providers[':providerId'].$delete({ param: { providerId } })),
    onSuccess: () => done('Provider removed. Its people sign in with a password again, if they have one.'),
    failure: 'Could not remove the provider',
  });
  const list = providers.data?.providers ?? [];

  return (
    <section aria-label="Single sign-on">
      <h2>Single sign-on</h2>
      <p className="muted">
        Staff whose email domain a provider serves sign in there (OpenID Connect, authorization code with
        PKCE). Their first sign-in creates their account; their groups decide their role at every sign-in.
      </p>
      {saved && (
        <p className="info" aria-live="polite">
          {saved}
        </p>
      )}
      <ApiErrorAlert error={create.error ?? update.error ?? remove.error} />
      {list.length > 0 && (
        <table>
          <caption>Identity providers</caption>
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Domains</th>
              <th scope="col">Groups → roles</th>
              <th scope="col">Passwords</th>
              <th scope="col">Redirect URL</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((p) => (
              <tr key={p.providerId}>
                <td>
                  {p.label}
                  <br />
                  <span className="muted">{p.issuer}</span>
                </td>
                <td>{p.domains.join(', ')}</td>
                <td>{p.roleRules.map((r) => `${r.group} → ${r.role}`).join('; ')}</td>
                <td>{p.passwordsOff ? 'Off (admins keep theirs)' : 'Allowed'}</td>
                <td>
                  <code>{p.redirectUrl}</code>
                </td>
                <td>
                  <button type="button" className="secondary" onClick={() => setEditing(p)}>
                    Change
                  </button>{' '}
                  <button
                    type="button"
                    className="danger"
                    disabled={remove.isPending}
                    onClick={() => window.confirm(`Remove ${p.label}?`) && remove.mutate(p.providerId)}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing ? (
        <SsoProviderForm
          key={editing === 'new' ? 'new' : editing.providerId}
          current={editing === 'new' ? undefined : editing}
          saving={create.isPending || update.isPending}
          onCreate={(json) => create.mutate(json)}
          onUpdate={(providerId, json) => update.mutate({ providerId, json })}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          Add an identity provider
        </button>
      )}
    </section>
  );
}
