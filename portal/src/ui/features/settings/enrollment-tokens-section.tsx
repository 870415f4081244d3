import {
  type CreateEnrollmentTokenInput,
  createEnrollmentTokenSchema,
} from '@sightline/shared/extension-api/staff-admin';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { EmptyState } from '../../components/empty-state';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { numberText } from '../../lib/form-fields';
import { intoContract } from '../../lib/into-contract';
import { numberLimits, textLimits } from '../../lib/schema-limits';
import { FieldError, fieldErrorProps, useZodForm } from '../../lib/zod-form';

const { shape } = createEnrollmentTokenSchema;
const formSchema = intoContract(
  z.object({ label: z.string(), expiresInDays: numberText }),
  createEnrollmentTokenSchema,
);

/** Tokens IT puts in the managed browser policy; each value is shown once, at creation. */
export function EnrollmentTokensSection({ isAdmin }: { isAdmin: boolean }) {
  const client = useQueryClient();
  const tokens = useQuery({
    queryKey: ['enrollment-tokens'],
    queryFn: () => unwrap(api.api['enrollment-tokens'].$get()),
  });
  const [created, setCreated] = useState<{ label: string; token: string } | null>(null);
  const form = useZodForm(formSchema, { defaultValues: { label: '', expiresInDays: '' } });
  const refresh = () => client.invalidateQueries({ queryKey: ['enrollment-tokens'] });
  const create = useApiMutation({
    mutationFn: (json: CreateEnrollmentTokenInput) => unwrap(api.api['enrollment-tokens'].$post({ json })),
    onSuccess: (r) => {
      setCreated({ label: r.label, token: r.token });
      form.reset();
      void refresh();
    },
    failure: 'Could not create the token',
  });
  const revoke = useApiMutation({
    mutationFn: (id: string) => unwrap(api.api['enrollment-tokens'][':id'].revoke.$post({ param: { id } })),
    onSuccess: refresh,
    failure: 'Could not revoke',
  });
  const errors = form.formState.errors;

  return (
    <section aria-label="Enrollment tokens">
      <h2>Enrollment tokens</h2>
      <p className="muted">
        Put a token in the extension's managed policy (<code>enrollmentToken</code>) with the portal URL; each
        browser exchanges it once for its own credential. Revoking a token stops new enrollments; enrolled
        browsers keep working (revoke those on the Devices page).
      </p>
      <ApiErrorAlert error={create.error ?? revoke.error} />
      {created && (
        <div role="status" className="info">
          <p>Token “{created.label}” created. Copy it now; it is not shown again.</p>
          <input readOnly aria-label="New enrollment token" value={created.token} className="copy-field" />
        </div>
      )}
      {isAdmin && (
        <form
          className="card inline-form"
          onSubmit={form.handleSubmit((input) => create.mutate(input))}
          aria-label="Create an enrollment token"
          noValidate
        >
          <div className="field">
            <label>
              Label
              <input
                {...form.register('label')}
                required
                {...textLimits(shape.label)}
                placeholder="e.g. Laptops 2026"
                {...fieldErrorProps('token-label-error', errors.label)}
              />
            </label>
            <FieldError id="token-label-error" message={errors.label?.message} />
          </div>
          <div className="field">
            <label>
              Expires after (days, optional)
              <input
                {...form.register('expiresInDays')}
                type="number"
                {...numberLimits(shape.expiresInDays)}
                {...fieldErrorProps('token-days-error', errors.expiresInDays)}
              />
            </label>
            <FieldError id="token-days-error" message={errors.expiresInDays?.message} />
          </div>
          <button type="submit" disabled={create.isPending}>
            Create token
          </button>
        </form>
      )}
      {tokens.data?.tokens.length === 0 ? (
        <EmptyState
          title="No enrollment tokens yet"
          action={
            isAdmin && (
              <button type="button" onClick={() => form.setFocus('label')}>
                Create the first token
              </button>
            )
          }
        >
          Browsers enroll the Sightline extension with a token: create one, then put it with the portal URL in
          the managed browser policy (see extension/DEPLOYMENT.md). Until then no browser reports to the
          portal.
        </EmptyState>
      ) : (
        <table>
          <caption>Tokens</caption>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Starts with</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Browsers enrolled</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {(tokens.data?.tokens ?? []).map((t) => (
              <tr key={t.id}>
                <td>{t.label}</td>
                <td>
                  <code>{t.prefix}…</code>
                </td>
                <td>{new Date(t.createdAt).toLocaleDateString()}</td>
                <td>{t.expiresAt ? new Date(t.expiresAt).toLocaleDateString() : 'never'}</td>
                <td>{t.enrolledCount}</td>
                <td>
                  {t.revokedAt ? 'revoked' : 'active'}
                  {isAdmin && !t.revokedAt && (
                    <button type="button" className="link-button" onClick={() => revoke.mutate(t.id)}>
                      Revoke<span className="visually-hidden"> token {t.label}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
