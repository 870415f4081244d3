import type { RejectedServiceState } from '@sightline/shared/decisions/decision-rules';
import { type failModes, type RolloutMode, rolloutModes } from '@sightline/shared/policy/policy-states';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../lib/api';
import { useApiMutation } from '../../lib/api-mutation';
import { hasRole, useMe } from '../../lib/session';
import { DepartmentsSection } from './departments-section';
import { EnrollmentTokensSection } from './enrollment-tokens-section';

/** Short names in the dropdown (a closed select cannot wrap); what each does below it. */
const modeNames: Record<RolloutMode, string> = {
  monitor: 'Monitor',
  coach: 'Coach',
  enforce: 'Enforce',
};
const modeHelp: Record<RolloutMode, string> = {
  monitor: 'Record usage only, no warnings.',
  coach: 'Banners for unreviewed and conditional services, a warning page for unapproved and blocked ones.',
  enforce: 'Like coach, and blocked services are blocked outright.',
};

/**
 * Org-wide settings (admin): rollout and fail mode, email domains, privacy, retention, tokens, and
 * people's departments.
 */
export function SettingsPage() {
  const isAdmin = hasRole(useMe().data, ['admin']);
  const client = useQueryClient();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => unwrap(api.api.settings.$get()) });
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [chosenMode, setChosenMode] = useState<RolloutMode | null>(null);
  const save = useApiMutation({
    mutationFn: (json: Parameters<typeof api.api.settings.$patch>[0]['json']) =>
      unwrap(api.api.settings.$patch({ json })),
    onSuccess: () => {
      setMessage({ kind: 'info', text: 'Settings saved. Browsers pick them up on their next policy sync.' });
      setChosenMode(null);
      void client.invalidateQueries({ queryKey: ['settings'] });
    },
    failure: 'Could not save',
    onError: (err) => setMessage({ kind: 'error', text: err.message }),
  });
  const s = settings.data;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate({
      name: String(form.get('name')),
      mode: String(form.get('mode')) as (typeof rolloutModes)[number],
      failMode: String(form.get('failMode')) as (typeof failModes)[number],
      emailDomains: String(form.get('emailDomains') ?? '')
        .split(/[\s,]+/)
        .map((d) => d.trim())
        .filter(Boolean),
      pseudonymiseUsers: form.get('pseudonymiseUsers') === 'on',
      rawEventRetentionDays: Number(form.get('rawEventRetentionDays')),
      proceedOnceMinutes: Number(form.get('proceedOnceMinutes')),
      separateApproverFromReviewer: form.get('separateApproverFromReviewer') === 'on',
      rejectedServiceState: String(form.get('rejectedServiceState')) as RejectedServiceState,
    });
  };

  return (
    <section>
      <h1>Settings</h1>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
          {message.text}
        </p>
      )}
      {s && (
        <form
          className="card settings-form"
          onSubmit={onSubmit}
          aria-label="Extension settings"
          key={s.updatedAt}
        >
          <label>
            Organisation name (shown on warning pages)
            <input name="name" defaultValue={s.name} required maxLength={200} disabled={!isAdmin} />
          </label>
          <label>
            Rollout mode
            <select
              name="mode"
              defaultValue={s.mode}
              disabled={!isAdmin}
              aria-describedby="rollout-mode-help"
              onChange={(e) => setChosenMode(e.target.value as RolloutMode)}
            >
              {rolloutModes.map((m) => (
                <option key={m} value={m}>
                  {modeNames[m]}
                </option>
              ))}
            </select>
            <span id="rollout-mode-help" className="field-help">
              {modeHelp[chosenMode ?? s.mode]}
            </span>
          </label>
          <label>
            Fail mode (a browser that has never reached the portal cannot see this: set the same failMode in
            the managed browser policy)
            <select name="failMode" defaultValue={s.failMode} disabled={!isAdmin}>
              <option value="open">Fail open: record only</option>
              <option value="closed">
                Fail closed: warn or block AI services (as the managed policy says)
              </option>
            </select>
          </label>
          <label>
            Work email domains (for the personal-vs-work account hint; comma or space separated)
            <input name="emailDomains" defaultValue={s.emailDomains.join(', ')} disabled={!isAdmin} />
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              name="pseudonymiseUsers"
              defaultChecked={s.pseudonymiseUsers}
              disabled={!isAdmin}
            />
            Pseudonymise user identities (applies to browsers enrolled from now on)
          </label>
          <label>
            Keep raw events for (days; daily counts are kept)
            <input
              name="rawEventRetentionDays"
              type="number"
              min={1}
              max={3650}
              defaultValue={s.rawEventRetentionDays}
              disabled={!isAdmin}
            />
          </label>
          <label>
            “Proceed once” lasts (minutes)
            <input
              name="proceedOnceMinutes"
              type="number"
              min={1}
              max={10080}
              defaultValue={s.proceedOnceMinutes}
              disabled={!isAdmin}
            />
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              name="separateApproverFromReviewer"
              defaultChecked={s.separateApproverFromReviewer}
              disabled={!isAdmin}
            />
            Separation of duties: whoever reviewed an assessment may not decide it
          </label>
          <label>
            A rejected service becomes
            <select name="rejectedServiceState" defaultValue={s.rejectedServiceState} disabled={!isAdmin}>
              <option value="blocked">Blocked</option>
              <option value="unapproved">Unapproved (staff are warned, not blocked)</option>
            </select>
          </label>
          {isAdmin && (
            <button type="submit" disabled={save.isPending}>
              Save settings
            </button>
          )}
          <p className="muted">Policy version {s.policyVersion}.</p>
        </form>
      )}
      <EnrollmentTokensSection isAdmin={isAdmin} />
      <DepartmentsSection isAdmin={isAdmin} />
    </section>
  );
}
