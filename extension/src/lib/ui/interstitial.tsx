import { dataCategories, dataCategoryLabels } from '@sightline/shared/extension-api/access-requests';
import { type FormEvent, useEffect, useState } from 'react';
import { send } from './send';

type ServiceInfo =
  | { found: false }
  | {
      found: true;
      serviceId: string;
      name: string;
      vendor: string;
      state: string;
      alternative: { serviceId: string | null; name: string | null; url: string | null } | null;
      orgName: string | null;
      proceedOnceMinutes: number;
      host: string | null;
      canRequest: boolean;
    };

/** The page a redirect rule put in place of an AI service: the original URL is in the fragment. */
export function Interstitial({ blocked }: { blocked: boolean }) {
  const originalUrl = decodeURIComponentSafe(location.hash.slice(1));
  const [info, setInfo] = useState<ServiceInfo | null>(null);
  const [requestResult, setRequestResult] = useState<string | null>(null);
  const [proceedError, setProceedError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    send<ServiceInfo>({ type: 'service-info', url: originalUrl }).then((found) => {
      setInfo(found);
      if (found.found)
        void send({ type: 'interstitial-shown', serviceId: found.serviceId, url: originalUrl, blocked });
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
  document.title = `${info.name} ${blocked ? 'is blocked' : 'is not approved'}`;

  const onRequest = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const result = await send<{ sent: boolean; outcome: string }>({
      type: 'request-access',
      url: originalUrl,
      request: {
        clientRequestId: crypto.randomUUID(),
        serviceId: info.serviceId,
        justification: String(form.get('justification') ?? ''),
        intendedUse: String(form.get('intendedUse') ?? ''),
        dataCategories: form.getAll('dataCategories').map(String) as (typeof dataCategories)[number][],
      },
    });
    setBusy(false);
    setRequestResult(
      result.sent
        ? `Your request was sent to ${org}. You will be told when it is decided.`
        : 'Your request is saved and will be sent as soon as the portal can be reached.',
    );
  };

  const onProceed = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const justification = String(new FormData(event.currentTarget).get('proceedJustification') ?? '').trim();
    if (justification.length < 5) {
      setProceedError('Say in a few words why you need to continue.');
      return;
    }
    setBusy(true);
    const result = await send<{ ok: boolean; message?: string }>({
      type: 'proceed-once',
      serviceId: info.serviceId,
      url: originalUrl,
      justification,
    });
    if (result.ok) location.replace(originalUrl);
    else {
      setBusy(false);
      setProceedError(result.message ?? 'Could not continue');
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
      <section className="card">
        <h2>Request access</h2>
        {requestResult ? (
          <p role="status" className="ok">
            {requestResult}
          </p>
        ) : info.canRequest ? (
          <form onSubmit={onRequest} aria-label="Request access">
            <label>
              Why do you need it?
              <textarea name="justification" required minLength={10} maxLength={2000} />
            </label>
            <label>
              What will you use it for?
              <textarea name="intendedUse" required minLength={3} maxLength={2000} />
            </label>
            <fieldset>
              <legend>Which data would you put into it?</legend>
              {dataCategories.map((c) => (
                <label key={c}>
                  <input type="checkbox" name="dataCategories" value={c} /> {dataCategoryLabels[c]}
                </label>
              ))}
            </fieldset>
            <button type="submit" disabled={busy}>
              Send request
            </button>
          </form>
        ) : (
          <p className="muted">
            This browser is not enrolled with the portal, so requests cannot be sent from here.
          </p>
        )}
      </section>
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

function decodeURIComponentSafe(value: string): string {
  try {
    return /^https?%3A/i.test(value) ? decodeURIComponent(value) : value;
  } catch {
    return value;
  }
}
