import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../lib/messages/protocol';
import type { ExtensionStatus } from '../../lib/messages/status';
import type { SyncOutcome } from '../../lib/policy/policy-sync';
import { RequestStandingNote } from '../../lib/ui/request-standing-note';
import { describeStanding } from '../../lib/ui/request-standing-text';
import { stateLabels, when } from '../../lib/ui/status-types';

function actionText(action: string, state: string): string {
  if (action === 'banner')
    return state === 'conditional'
      ? 'The conditions are shown on every visit; you can hide them until the next day.'
      : 'A reminder banner is shown once a day.';
  return (
    {
      none: 'No warning on this site.',
      warn: 'A warning page is shown before the site opens.',
      block: 'This site is blocked.',
    }[action] ?? ''
  );
}

/** What "Check for policy updates" found (a failure's reason is on the "Last policy sync" line). */
const syncOutcomeText: Record<SyncOutcome, string> = {
  updated: 'The policy was updated.',
  unchanged: 'The policy is up to date.',
  failed: 'The portal could not be reached.',
  'not-enrolled': 'This browser is not enrolled.',
  revoked: 'This browser was revoked.',
};

export function Popup() {
  const [status, setStatus] = useState<ExtensionStatus | null>(null);
  const [flushing, setFlushing] = useState(false);
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState<SyncOutcome | null>(null);
  const load = useCallback(async () => {
    // The popup may be opened on its own (tests, a pinned tab): then it describes no site.
    const params = new URLSearchParams(location.search);
    const [tab] = params.has('url') ? [] : await browser.tabs.query({ active: true, currentWindow: true });
    const url = params.get('url') ?? tab?.url;
    setStatus(await sendMessage('status', url ? { url } : {}));
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  if (!status) return <div className="popup">Loading…</div>;
  const { enrollment, site, queue, policy } = status;
  const standing = site?.serviceId && site.request ? describeStanding(site.request, site.alternative) : null;
  const sendNow = async () => {
    setFlushing(true);
    await sendMessage('flush-now');
    setFlushing(false);
    await load();
  };
  const checkNow = async () => {
    setChecking(true);
    setChecked(null);
    const { outcome } = await sendMessage('sync-now');
    await load();
    setChecking(false);
    setChecked(outcome);
  };

  return (
    <div className="popup">
      <h1>Sightline</h1>
      {enrollment.state === 'revoked' && (
        <p className="banner-revoked" role="alert">
          This browser was revoked by your administrator. Sightline no longer sends anything to the portal.
        </p>
      )}
      <section aria-label="This site">
        <h2>This site</h2>
        {!site && <p className="muted">No web page in this tab.</p>}
        {site && site.serviceId === null && (
          <p>
            {site.host} is not a known AI service. <span className="muted">Nothing is recorded here.</span>
          </p>
        )}
        {site && site.serviceId !== null && (
          <>
            <p>
              <strong>{site.serviceName}</strong> ({site.vendor}) —{' '}
              <span className={`badge state-${site.state}`}>{stateLabels[site.state] ?? site.state}</span>
            </p>
            {site.state === 'conditional' && site.conditions && (
              <p>
                Conditions: <span className="conditions">{site.conditions}</span>
              </p>
            )}
            {standing && (
              <div className="request-standing">
                <p className="muted">Your access request:</p>
                {/* The service's conditions are already shown just above: don't repeat them. */}
                <RequestStandingNote
                  standing={
                    site.state === 'conditional' && standing.conditions === site.conditions
                      ? { ...standing, text: 'Approved with the conditions above.', conditions: null }
                      : standing
                  }
                />
              </div>
            )}
            {site.alternative?.url && !standing?.alternative && (
              <p>
                Approved alternative:{' '}
                <a href={site.alternative.url}>{site.alternative.name ?? site.alternative.url}</a>
              </p>
            )}
            <p className="muted">
              {actionText(site.action, site.state)}
              {site.exceptionUntil && ` You chose to proceed until ${when(site.exceptionUntil)}.`}
            </p>
          </>
        )}
      </section>
      <section aria-label="What is recorded">
        <h2>What Sightline records</h2>
        <ul>
          {status.recorded.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <p className="muted">Never recorded:</p>
        <ul className="muted">
          {status.recorded.never.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>
      <section aria-label="Status">
        <h2>Status</h2>
        <dl>
          <dt>Enrollment</dt>
          <dd data-testid="enrollment-state">
            {enrollment.state === 'enrolled'
              ? `Enrolled with ${enrollment.portalUrl}`
              : enrollment.state === 'revoked'
                ? 'Revoked'
                : 'Not enrolled'}
          </dd>
          <dt>Mode</dt>
          <dd>
            {policy.mode}
            {policy.source !== 'portal' && ` (${policy.source}: no policy from the portal yet)`}
          </dd>
          <dt>Last policy sync</dt>
          <dd>
            {when(policy.lastSync?.at)}
            {policy.lastSync && !policy.lastSync.ok && ` (failed: ${policy.lastSync.message ?? 'error'})`}
          </dd>
          <dt>Events waiting</dt>
          <dd data-testid="events-waiting">{queue.waiting}</dd>
          <dt>Last sent</dt>
          <dd>{when(queue.lastSentAt)}</dd>
          {queue.dropped > 0 && (
            <>
              <dt>Dropped</dt>
              <dd>{queue.dropped}</dd>
            </>
          )}
        </dl>
        {enrollment.state === 'enrolled' && (
          <p>
            <button type="button" className="secondary" onClick={checkNow} disabled={checking}>
              {checking ? 'Checking…' : 'Check for policy updates'}
            </button>{' '}
            {checked && (
              <span role="status" className="muted">
                {syncOutcomeText[checked]}
              </span>
            )}
          </p>
        )}
        {enrollment.state === 'enrolled' && queue.waiting > 0 && (
          <button type="button" className="secondary" onClick={sendNow} disabled={flushing}>
            Send now
          </button>
        )}
        {enrollment.state !== 'enrolled' && (
          <p>
            <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
              Enrollment settings
            </a>
          </p>
        )}
      </section>
    </div>
  );
}
