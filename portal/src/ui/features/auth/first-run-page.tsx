import { toApiClientError } from '@sightline/shared/http/api-client-error';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { api, unwrap } from '../../lib/api';
import { type Me, useRefreshMe, useSignOut } from '../../lib/session';
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

/** Saved through the ordinary settings route, like any other change to the settings. */
function OrganisationNameForm() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => unwrap(api.api.settings.$get()) });
  const save = useMutation({
    mutationFn: (name: string) => unwrap(api.api.settings.$patch({ json: { name } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['settings'] });
      navigate('/', { replace: true });
    },
  });
  if (!settings.data)
    return <p className="muted">{settings.isError ? 'Could not load the settings.' : 'Loading…'}</p>;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(String(new FormData(event.currentTarget).get('name')).trim());
  };

  return (
    <form className="auth-card" onSubmit={onSubmit} aria-label="Name your organisation">
      <label>
        Organisation name
        <input
          name="name"
          defaultValue={settings.data.name}
          maxLength={200}
          required
          aria-describedby="organisation-name-use"
        />
      </label>
      <p id="organisation-name-use" className="muted">
        Vendors see it in the mails Sightline sends them, and staff on the extension’s warning pages. You can
        change it later under Settings.
      </p>
      {save.isError && (
        <p role="alert" className="error">
          {toApiClientError(save.error, 'Could not save the name').message}
        </p>
      )}
      <button type="submit" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save and start'}
      </button>
    </form>
  );
}
