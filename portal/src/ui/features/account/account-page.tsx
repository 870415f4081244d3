import { type FormEvent, useState } from 'react';
import { ApiError, requestJson } from '../../lib/api';
import { useMe } from '../../lib/session';

/** The first admin's password is printed once at start-up; this is where it (or any password) is replaced. */
export function AccountPage() {
  const me = useMe().data;
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const newPassword = String(form.get('newPassword'));
    if (newPassword !== String(form.get('confirm'))) {
      setResult({ ok: false, text: 'The two new passwords differ' });
      return;
    }
    try {
      await requestJson('/api/auth/change-password', {
        method: 'POST',
        body: JSON.stringify({
          currentPassword: form.get('currentPassword'),
          newPassword,
          revokeOtherSessions: true,
        }),
      });
      formElement.reset();
      setResult({ ok: true, text: 'Password changed. Your other sessions were signed out.' });
    } catch (err) {
      setResult({ ok: false, text: err instanceof ApiError ? err.message : 'Could not change the password' });
    }
  };

  return (
    <section>
      <h1>Your account</h1>
      <p>
        {me?.name} · {me?.email} · role <span className="role">{me?.role}</span>
      </p>
      <form className="card auth-card" onSubmit={onSubmit} aria-labelledby="change-password-title">
        <h2 id="change-password-title">Change your password</h2>
        <label>
          Current password
          <input name="currentPassword" type="password" autoComplete="current-password" required />
        </label>
        <label>
          New password (at least 12 characters)
          <input name="newPassword" type="password" autoComplete="new-password" minLength={12} required />
        </label>
        <label>
          Repeat the new password
          <input name="confirm" type="password" autoComplete="new-password" minLength={12} required />
        </label>
        {result && (
          <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'ok' : 'error'}>
            {result.text}
          </p>
        )}
        <button type="submit">Change password</button>
      </form>
    </section>
  );
}
