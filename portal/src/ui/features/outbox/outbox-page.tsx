import type { HiddenLinkReason, OutboxMail } from '@sightline/shared/mail/outbox-api';
import { useQueryClient } from '@tanstack/react-query';
import { LoadMore } from '../../components/load-more';
import { usePagedList } from '../../components/use-paged-list';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { CopyLinkButton } from './copy-link-button';

/** What the viewer is told about a link they do not get, in a sentence next to the mail. */
const hiddenLinkText: Record<HiddenLinkReason, string> = {
  role: 'Only an admin can see this link.',
  in_delivery: 'The link goes to the recipient by mail only.',
  delivered: 'Sent: the link was mailed to the recipient and is not kept.',
  withdrawn: 'Not sent: the link was replaced, revoked or used, so it was removed.',
};

export function OutboxPage() {
  const client = useQueryClient();
  const outbox = usePagedList({
    queryKey: ['outbox'],
    fetchPage: (cursor) => unwrap(api.api.outbox.$get({ query: { cursor } })),
    refetchInterval: 10_000,
  });
  const smtpConfigured = outbox.firstPage?.smtpConfigured;
  const retry = useApiMutation({
    mutationFn: (id: string) => unwrap(api.api.outbox[':id'].retry.$post({ param: { id } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['outbox'] }),
    failure: 'Could not retry',
  });
  return (
    <section>
      <h1>Mail outbox</h1>
      {smtpConfigured === false && (
        <p className="info">
          No SMTP server is configured: mails wait here. Copy a mail's link and send it to its recipient
          yourself; you see the links your role could issue (invitations: admins; questionnaire links: admins
          and procurement) until the mail is sent.
        </p>
      )}
      <ApiErrorAlert error={retry.error} />
      <table>
        <caption>Outgoing mail</caption>
        <thead>
          <tr>
            <th scope="col">Queued</th>
            <th scope="col">To</th>
            <th scope="col">Subject</th>
            <th scope="col">Status</th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {outbox.items.map((m) => (
            <tr key={m.id}>
              <td>{new Date(m.createdAt).toLocaleString()}</td>
              <td>{m.toAddress}</td>
              <td>{m.subject}</td>
              <td>
                {m.status}
                {m.lastError && <span className="error"> ({m.lastError})</span>}
                {(m.status === 'failed' || m.status === 'held') && m.linkHidden !== 'withdrawn' && (
                  <button type="button" className="link-button" onClick={() => retry.mutate(m.id)}>
                    Retry
                  </button>
                )}
              </td>
              <td>
                <MailMessage mail={m} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <LoadMore list={outbox} noun="mails" />
    </section>
  );
}

function MailMessage({ mail }: { mail: OutboxMail }) {
  return (
    <>
      {mail.link && <CopyLinkButton link={mail.link} label={`Copy the link for ${mail.toAddress}`} />}
      {mail.linkHidden && <p className="info">{hiddenLinkText[mail.linkHidden]}</p>}
      <details>
        <summary>Show text</summary>
        <pre className="mail-text">{mail.text}</pre>
      </details>
    </>
  );
}
