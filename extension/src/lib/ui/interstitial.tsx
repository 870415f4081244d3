import { type FormEvent, useEffect, useState } from 'react';
import type { ServiceInfo } from '../messages/page-messages';
import { sendMessage } from '../messages/protocol';
import { RequestAccessSection } from './request-access-section';

/** The page a redirect rule put in place of an AI service: the original URL is in the fragment. */
export function Interstitial({ blocked }: { blocked: boolean }) {
  const originalUrl = decodeURIComponentSafe(location.hash.slice(1));
  const [info, setInfo] = useState<ServiceInfo | null>(null);
  const [proceedError, setProceedError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void sendMessage('service-info', { url: originalUrl }).then((found) => {
      setInfo(found);
      // A page left over from before the service was approved warns about nothing: not recorded as shown.
      if (found.found && found.state !== 'approved' && found.state !== 'conditional')
        void sendMessage('interstitial-shown', { serviceId: found.serviceId, url: originalUrl, blocked });
    });
  }, [originalUrl, blocked]);

  if (!info) return <main aria-busy="true">Loading…</main>;
  if (!info.found)
    return (
      <main>
        <h1>This page is not available</h1>
        <p>Sightline could not tell which service this was.</p>
      </main>
    );
  const org = info.orgName ?? 'your organisation';
  const Org = info.orgName ?? 'Your organisation';
  if (info.state === 'approved' || info.state === 'conditional')
    return <NowAllowed info={info} org={org} url={originalUrl} />;
  document.title = `${info.name} ${blocked ? 'is blocked' : 'is not approved'}`;

  const onProceed = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const justification = String(new FormData(event.currentTarget).get('proceedJustification') ?? '').trim();
    if (justification.length < 5) {
      setProceedError('Say in a few words why you need to continue.');
      return;
    }
    setBusy(true);
    const result = await sendMessage('proceed-once', {
      serviceId: info.serviceId,
      url: originalUrl,
      justification,
    }).catch(() => ({ ok: false as const, message: 'Could not continue: check the reason and try again.' }));
    if (result.ok) location.replace(originalUrl);
    else {
      setBusy(false);
      setProceedError(result.message);
    }
  };

  return (
    <main>
      <h1>
        {info.name} {blocked ? 'is blocked' : 'is not approved'} by {org}
      </h1>
      <p>
        {blocked
          ? `${Org} has decided that ${info.name} (${info.vendor}) must not be used for work.`
          : `${Org} has not approved ${info.name} (${info.vendor}) for work use.`}{' '}
        <span className="muted">{info.host}</span>
      </p>
      {info.alternative?.url && (
        <section className="card">
          <h2>Use the approved alternative</h2>
          <a href={info.alternative.url}>{info.alternative.name ?? info.alternative.url}</a>
        </section>
      )}
      <RequestAccessSection
        serviceId={info.serviceId}
        serviceName={info.name}
        org={org}
        originalUrl={originalUrl}
        canRequest={info.canRequest}
        request={info.request}
        alternative={info.alternative}
      />
      {!blocked && (
        <section className="card">
          <h2>Proceed once</h2>
          <form onSubmit={onProceed} aria-label="Proceed once">
            <label>
              Why do you need to continue now?
              <textarea name="proceedJustification" required minLength={5} maxLength={2000} />
            </label>
            {proceedError && (
              <p role="alert" className="error">
                {proceedError}
              </p>
            )}
            <button type="submit" className="secondary" disabled={busy}>
              Proceed for {info.proceedOnceMinutes} minutes
            </button>
          </form>
        </section>
      )}
    </main>
  );
}

/**
 * The policy changed after this page was put in place (a request was approved, the service became
 * conditional): no warning any more, only the conditions and the way back to the site.
 */
function NowAllowed({ info, org, url }: { info: ServiceInfo & { found: true }; org: string; url: string }) {
  const conditional = info.state === 'conditional';
  document.title = `${info.name} is approved${conditional ? ' with conditions' : ''}`;
  return (
    <main>
      <h1>
        {info.name} is approved{conditional ? ' with conditions' : ''} by {org}
      </h1>
      {conditional && (
        <section className="card" aria-label="Conditions">
          <h2>Conditions</h2>
          <p className="conditions">{info.conditions ?? `Ask ${org} what the conditions are.`}</p>
        </section>
      )}
      {info.request && (
        <RequestAccessSection
          serviceId={info.serviceId}
          serviceName={info.name}
          org={org}
          originalUrl={url}
          canRequest={info.canRequest}
          request={info.request}
          alternative={info.alternative}
        />
      )}
      <p>
        <a href={url}>Continue to {info.name}</a>
      </p>
    </main>
  );
}

function decodeURIComponentSafe(value: string): string {
  try {
    return /^https?%3A/i.test(value) ? decodeURIComponent(value) : value;
  } catch {
    return value;
  }
}
