import type { AssessmentDetail } from './assessment-queries';

/** Whether each mail of this assessment went out; failures show their error and are retried. */
export function AssessmentMails({ detail }: { detail: AssessmentDetail }) {
  if (detail.mails.length === 0) return null;
  return (
    <table>
      <caption>Mail</caption>
      <thead>
        <tr>
          <th scope="col">Queued</th>
          <th scope="col">To</th>
          <th scope="col">Subject</th>
          <th scope="col">Delivery</th>
        </tr>
      </thead>
      <tbody>
        {detail.mails.map((m) => (
          <tr key={m.id}>
            <td>{new Date(m.createdAt).toLocaleString()}</td>
            <td>{m.toAddress}</td>
            <td>{m.subject}</td>
            <td>
              {m.status}
              {m.status === 'held' && ' (no SMTP: copy it from the outbox)'}
              {m.status === 'failed' && ` after ${m.attempts} attempt(s), retrying: ${m.lastError ?? ''}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
