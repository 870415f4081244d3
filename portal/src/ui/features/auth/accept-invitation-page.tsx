import { toApiClientError } from '@sightline/shared/http/api-client-error';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../lib/api';
import { PASSWORD_RULE } from '../account/change-password-form';

/** The invitation token arrives in the URL fragment, which browsers never send to servers or in Referer. */
export function AcceptInvitationPage() {
  const token = window.location.hash.slice(1);
  const [error, setError] = useState<string | null>(null);
  const [doneEmail, setDoneEmail] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password'));
    if (password !== String(form.get('confirm'))) {
      setError('The two passwords differ');
      return;
    }
    try {
      const result = await unwrap(api.api.invitations.accept.$post({ json: { token, password } }));
      setDoneEmail(result.email);
    } catch (err) {
      setError(toApiClientError(err, 'Could not accept the invitation').message);
    }
  };

  if (doneEmail) {
    return (
      <main className="auth-page">
        <div className="card auth-card">
          <h1>Welcome to Sightline</h1>
          <p>Your account {doneEmail} is ready.</p>
          <Link to="/sign-in">Sign in</Link>
        </div>
      </main>
    );
  }
  return (
    <main className="auth-page">
      <form className="card auth-card" onSubmit={onSubmit} aria-labelledby="invite-title">
        <h1 id="invite-title">Choose your password</h1>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={12}
            maxLength={128}
            required
            aria-describedby="password-rule"
          />
        </label>
        <p id="password-rule" className="muted">
          {PASSWORD_RULE}
        </p>
        <label>
          Repeat the password
          <input name="confirm" type="password" autoComplete="new-password" minLength={12} required />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit">Create my account</button>
      </form>
    </main>
  );
}
