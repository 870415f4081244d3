import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { sendMessage } from '../../lib/messages/protocol';
import type { ExtensionStatus } from '../../lib/messages/status';
import { when } from '../../lib/ui/status-types';

export function Options() {
  const [status, setStatus] = useState<ExtensionStatus | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => setStatus(await sendMessage('get-config')), []);
  useEffect(() => {
    void load();
  }, [load]);
  if (!status) return <main>Loading…</main>;
  const managed = new Set<string>(status.config.managedKeys);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setMessage(null);
    const result = await sendMessage('enroll', {
      portalUrl: String(form.get('portalUrl') ?? ''),
      enrollmentToken: String(form.get('enrollmentToken') ?? ''),
      userHint: String(form.get('userHint') ?? ''),
    });
    setBusy(false);
    setMessage(
      result.status === 'enrolled' || result.status === 'already'
        ? { kind: 'ok', text: 'This browser is enrolled.' }
        : {
            kind: 'error',
            text: result.status === 'failed' ? result.message : `Enrollment ${result.status}`,
          },
    );
    await load();
  };

  const { enrollment } = status;
  return (
    <main>
      <h1>Sightline settings</h1>
      <section className="card" aria-label="Enrollment status">
        <h2>Enrollment</h2>
        <p data-testid="enrollment-state">
          {enrollment.state === 'enrolled' &&
            `Enrolled with ${enrollment.portalUrl} on ${when(enrollment.enrolledAt)}.`}
          {enrollment.state === 'revoked' && 'Revoked by your administrator: nothing is sent any more.'}
          {enrollment.state === 'not-enrolled' && 'Not enrolled.'}
        </p>
        {managed.size > 0 && (
          <p className="muted">
            Some settings come from your organisation's browser policy and cannot be changed here.
          </p>
        )}
      </section>
      <form className="card" onSubmit={onSubmit} aria-label="Enroll this browser">
        <h2>Enroll by hand</h2>
        <p className="muted">Only needed where IT has not configured Sightline through browser policy.</p>
        <label>
          Portal URL
          <input
            name="portalUrl"
            type="url"
            required
            defaultValue={status.config.portalUrl ?? ''}
            readOnly={managed.has('portalUrl')}
            placeholder="https://sightline.example.com"
          />
        </label>
        <label>
          Enrollment token
          <input
            name="enrollmentToken"
            required={!managed.has('enrollmentToken')}
            readOnly={managed.has('enrollmentToken')}
            placeholder={managed.has('enrollmentToken') ? 'Set by policy' : 'From the portal’s Settings page'}
            autoComplete="off"
          />
        </label>
        <label>
          Your work email or login (optional)
          <input
            name="userHint"
            defaultValue={status.config.userHint ?? ''}
            readOnly={managed.has('userHint')}
          />
        </label>
        <button type="submit" disabled={busy}>
          Enroll
        </button>
        {message && (
          <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
            {message.text}
          </p>
        )}
      </form>
    </main>
  );
}
