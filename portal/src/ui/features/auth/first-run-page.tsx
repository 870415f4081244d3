import { updateOrgSettingsSchema } from '@sightline/shared/extension-api/staff-admin';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate } from 'react-router';
import { z } from 'zod';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { textLimits } from '../../lib/schema-limits';
import { type Me, useRefreshMe, useSignOut } from '../../lib/session';
import { FieldError, useZodForm } from '../../lib/zod-form';
import { ChangePasswordForm } from '../account/change-password-form';

/**
 * Where someone signed in with a one-time password (the printed first admin, or after reset-password)
 * lands before anything else: they choose their own password, and an admin then confirms the
 * organisation's name, which vendors read in every mail. The step shown follows from the server's
 * state, so a reload lands on the right one.
 */
export function FirstRunPage({ me }: { me: Me }) {
  const refreshMe = useRefreshMe();
  const signOut = useSignOut();
  const isAdmin = me.role === 'admin';
  const passwordDone = !me.passwordChangeRequired;
  if (passwordDone && !isAdmin) return <Navigate to="/" replace />;

  return (
    <main className="auth-page">
      <div className="card auth-card">
        <h1>Welcome to Sightline</h1>
        <p>
          Signed in as {me.email}.{' '}
          {isAdmin
            ? 'Two things before you start: your own password, then your organisation’s name.'
            : 'Before you start, replace the one-time password you were given with your own.'}
        </p>
        <section aria-labelledby="step-password">
          <h2 id="step-password">{isAdmin ? '1. Choose your password' : 'Choose your password'}</h2>
          {passwordDone ? (
            <p role="status" className="ok">
              Your password is saved. Sign in with it from now on.
            </p>
          ) : (
            <ChangePasswordForm
              title="Choose your password"
              currentLabel="One-time password (the one you just signed in with)"
              submitLabel="Save my password"
              onChanged={refreshMe}
            />
          )}
        </section>
        {isAdmin && (
          <section aria-labelledby="step-organisation">
            <h2 id="step-organisation">2. Name your organisation</h2>
            {passwordDone ? <OrganisationNameForm /> : <p className="muted">Once your password is saved.</p>}
          </section>
        )}
        <button type="button" className="link-button" onClick={signOut}>
          Sign out
        </button>
      </div>
    </main>
  );
}

const nameSchema = z.object({ name: updateOrgSettingsSchema.shape.name.unwrap() });

/** Saved through the ordinary settings route, like any other change to the settings. */
function OrganisationNameForm() {
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => unwrap(api.api.settings.$get()) });
  if (!settings.data)
    return <p className="muted">{settings.isError ? 'Could not load the settings.' : 'Loading…'}</p>;
  return <OrganisationNameFields name={settings.data.name} />;
}

function OrganisationNameFields({ name }: { name: string }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useZodForm(nameSchema, { defaultValues: { name } });
  const save = useApiMutation({
    mutationFn: (json: { name: string }) => unwrap(api.api.settings.$patch({ json })),
    failure: 'Could not save the name',
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['settings'] });
      navigate('/', { replace: true });
    },
  });
  const error = form.formState.errors.name;

  return (
    <form
      className="auth-card"
      onSubmit={form.handleSubmit((json) => save.mutate(json))}
      aria-label="Name your organisation"
      noValidate
    >
      <label>
        Organisation name
        <input
          {...form.register('name')}
          {...textLimits(nameSchema.shape.name)}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby="organisation-name-use organisation-name-error"
        />
      </label>
      <p id="organisation-name-use" className="muted">
        Vendors see it in the mails Sightline sends them, and staff on the extension’s warning pages. You can
        change it later under Settings.
      </p>
      <FieldError id="organisation-name-error" message={error?.message} />
      <ApiErrorAlert error={save.error} />
      <button type="submit" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save and start'}
      </button>
    </form>
  );
}
