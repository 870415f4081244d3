import { ApiClientError } from '@sightline/shared/http/api-client-error';
import { type FormEvent, useState } from 'react';
import { requestJson } from '../../lib/api';

/** What the server checks in a new password (see password-policy.ts), said before anyone types. */
export const PASSWORD_RULE =
  'At least 12 characters. Not a common password, not a pattern such as “aaaa” or “1234”, and not your email address. A few unrelated words make a strong one.';

type Props = {
  title: string;
  /** The label of the current-password field ("Current password", "One-time password"). */
  currentLabel: string;
  submitLabel: string;
  /** Called once the server accepted the new password (the other sessions are then signed out). */
  onChanged: () => void | Promise<void>;
};

/** Current password, new password twice; the server explains a refused password in words. */
export function ChangePasswordForm({ title, currentLabel, submitLabel, onChanged }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const newPassword = String(form.get('newPassword'));
    if (newPassword !== String(form.get('confirm'))) {
      setError('The two new passwords differ');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await requestJson('/api/auth/change-password', {
        method: 'POST',
        body: JSON.stringify({ currentPassword: form.get('currentPassword'), newPassword }),
      });
      formElement.reset();
      await onChanged();
    } catch (err) {
      setError(err instanceof ApiClientError ? err.message : 'Could not change the password');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="auth-card" onSubmit={onSubmit} aria-label={title}>
      <label>
        {currentLabel}
        <input name="currentPassword" type="password" autoComplete="current-password" required />
      </label>
      <label>
        New password
        <input
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={12}
          maxLength={128}
          required
          aria-describedby="new-password-rule"
        />
      </label>
      <p id="new-password-rule" className="muted">
        {PASSWORD_RULE}
      </p>
      <label>
        Repeat the new password
        <input name="confirm" type="password" autoComplete="new-password" minLength={12} required />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
