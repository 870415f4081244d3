import { dataCategories, dataCategoryLabels } from '@sightline/shared/extension-api/access-requests';
import type { Alternative } from '@sightline/shared/extension-api/policy-document';
import { type FormEvent, type ReactNode, useState } from 'react';
import { sendMessage } from '../messages/protocol';
import type { RequestStanding } from '../requests/request-standing';
import { RequestStandingNote } from './request-standing-note';
import { describeStanding } from './request-standing-text';

type Props = {
  serviceId: string;
  serviceName: string;
  /** The organisation's name, or "your organisation". */
  org: string;
  originalUrl: string;
  canRequest: boolean;
  /** This browser's newest request for the service and what the portal decided, if it asked. */
  request: RequestStanding | null;
  /** The service's approved alternative, offered after a rejection. */
  alternative: Alternative | null;
};

/**
 * "Request access" on the warning and block pages. Someone who already asked sees where the request
 * stands (asked on…, being assessed, approved with its conditions, rejected with the reason and what
 * to use instead) instead of an empty form inviting a duplicate; they can still send another, except
 * after an approval.
 */
export function RequestAccessSection(props: Props) {
  const { org, serviceName } = props;
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState(false);
  const [showForm, setShowForm] = useState(props.request === null);
  const standing = props.request ? describeStanding(props.request, props.alternative) : null;
  const whatNext = `Once ${org} approves ${serviceName}, this page stops appearing.`;

  const onRequest = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setRefused(false);
    const sent = await sendMessage('request-access', {
      url: props.originalUrl,
      request: {
        clientRequestId: crypto.randomUUID(),
        serviceId: props.serviceId,
        justification: String(form.get('justification') ?? ''),
        intendedUse: String(form.get('intendedUse') ?? ''),
        dataCategories: form.getAll('dataCategories').map(String) as (typeof dataCategories)[number][],
      },
    }).catch(() => null);
    setBusy(false);
    // Refused as malformed (text the portal would not accept either): nothing was saved.
    if (!sent) return setRefused(true);
    setResult(
      sent.sent
        ? `Your request was sent to ${org}. ${whatNext}`
        : 'Your request is saved and will be sent as soon as the portal can be reached.',
    );
  };

  let body: ReactNode;
  if (result) {
    body = (
      <p role="status" className="ok">
        {result}
      </p>
    );
  } else if (!props.canRequest) {
    body = (
      <p className="muted">
        This browser is not enrolled with the portal, so requests cannot be sent from here.
      </p>
    );
  } else if (!showForm && standing) {
    body = (
      <>
        <RequestStandingNote standing={standing} whatNext={whatNext} />
        {standing.canAskAgain && (
          <button type="button" className="secondary" onClick={() => setShowForm(true)}>
            Send another request
          </button>
        )}
      </>
    );
  } else {
    body = (
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
        {refused && (
          <p role="alert" className="error">
            The request could not be saved. Check the text for unusual characters and try again.
          </p>
        )}
        <button type="submit" disabled={busy}>
          Send request
        </button>
      </form>
    );
  }
  return (
    <section className="card">
      <h2>{standing && !showForm ? 'Your access request' : 'Request access'}</h2>
      {body}
    </section>
  );
}
