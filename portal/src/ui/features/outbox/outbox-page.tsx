import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';

export function OutboxPage() {
  const client = useQueryClient();
  const outbox = useQuery({
    queryKey: ['outbox'],
    queryFn: () => unwrap(api.api.outbox.$get()),
    refetchInterval: 10_000,
  });
  const retry = useMutation({
    mutationFn: (id: string) => unwrap(api.api.outbox[':id'].retry.$post({ param: { id } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['outbox'] }),
  });
  return (
    <section>
      <h1>Mail outbox</h1>
      {outbox.data && !outbox.data.smtpConfigured && (
        <p className="info">
          No SMTP server is configured: mails wait here. Open one to copy its link and send it yourself.
        </p>
      )}
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
          {outbox.data?.mails.map((m) => (
            <tr key={m.id}>
              <td>{new Date(m.createdAt).toLocaleString()}</td>
              <td>{m.toAddress}</td>
              <td>{m.subject}</td>
              <td>
                {m.status}
                {m.lastError && <span className="error"> ({m.lastError})</span>}
                {(m.status === 'failed' || m.status === 'held') && (
                  <button type="button" className="link-button" onClick={() => retry.mutate(m.id)}>
                    Retry
                  </button>
                )}
              </td>
              <td>
                <details>
                  <summary>Show text</summary>
                  <pre className="mail-text">{m.textBody}</pre>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
