import { Link } from 'react-router';

/**
 * What became of the vendor link a send, resend or change request just issued. Held (no SMTP): shown
 * once here, and it waits in the mail outbox for admins and procurement to copy until the mail is sent.
 * Mailed: only the recipient gets it.
 */
export type LinkHandOver = { kind: 'held'; link: string } | { kind: 'mailed' };

/** The hand-over a send-like API result describes, if any. */
export function linkHandOverOf(result: object): LinkHandOver | null {
  if ('link' in result && typeof result.link === 'string') return { kind: 'held', link: result.link };
  if ('mailed' in result && result.mailed === true) return { kind: 'mailed' };
  return null;
}

export function LinkNotice({
  handOver,
  recipient,
  canOpenOutbox,
}: {
  handOver: LinkHandOver;
  recipient: string;
  canOpenOutbox: boolean;
}) {
  if (handOver.kind === 'mailed') {
    return (
      <div className="card notice-box" role="status">
        <p>The questionnaire link was mailed to {recipient}; it is not shown again.</p>
      </div>
    );
  }
  const outbox = canOpenOutbox ? <Link to="/outbox">mail outbox</Link> : 'mail outbox';
  return (
    <div className="card notice-box" role="status">
      <p>
        No SMTP server is configured, so the mail is not sent. Copy the link and send it to {recipient}{' '}
        yourself. Until the mail is sent, the link waits in the {outbox} for admins and procurement to copy.
      </p>
      <input
        readOnly
        aria-label="Questionnaire link"
        value={handOver.link}
        className="copy-field"
        onFocus={(e) => e.target.select()}
      />
    </div>
  );
}
