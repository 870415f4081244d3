import { toApiClientError } from '@sightline/shared/http/api-client-error';
import { type FormEvent, useState } from 'react';
import type { VendorApi } from './vendor-api';

/** Gives a colleague their own link by mail, so the respondent's link is never forwarded. */
export function ColleagueForm({ api }: { api: VendorApi }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const invite = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setBusy(true);
    setMessage(null);
    try {
      const result = await api.inviteColleague({
        name: String(data.get('name')),
        email: String(data.get('email')),
      });
      setMessage({ error: false, text: `Invitation sent to ${result.invited}.` });
      form.reset();
    } catch (error) {
      setMessage({
        error: true,
        text: toApiClientError(error, 'Could not send the invitation.').message,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="colleague" aria-labelledby="colleague-title">
      <h2 id="colleague-title">Invite a colleague</h2>
      <p>Someone else knows some answers? They get their own link and can answer alongside you.</p>
      <form onSubmit={(e) => void invite(e)}>
        <label htmlFor="colleague-name">Name</label>
        <input id="colleague-name" name="name" required maxLength={200} autoComplete="off" />
        <label htmlFor="colleague-email">Email</label>
        <input id="colleague-email" name="email" type="email" required maxLength={254} autoComplete="off" />
        <button type="submit" className="secondary" disabled={busy}>
          {busy ? 'Sending…' : 'Send invitation'}
        </button>
      </form>
      <p
        className={message?.error ? 'field-error' : 'status-note'}
        role={message?.error ? 'alert' : 'status'}
      >
        {message?.text ?? ''}
      </p>
    </section>
  );
}
