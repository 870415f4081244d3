import type { AssessmentDetail } from './assessment-queries';

const labels: Record<string, string> = {
  'assessment.created': 'Created',
  'assessment.sent': 'Sent',
  'assessment.link_issued': 'Link mailed',
  'assessment.resent': 'New link mailed',
  'assessment.viewed': 'Opened by the vendor',
  'assessment.started': 'Vendor started answering',
  'assessment.answers_saved': 'Answers saved',
  'assessment.evidence_uploaded': 'File uploaded',
  'assessment.evidence_removed': 'File removed',
  'assessment.colleague_invited': 'Colleague invited',
  'assessment.submitted': 'Submitted',
  'assessment.comment_added': 'Reviewer comment',
  'assessment.comment_removed': 'Reviewer comment removed',
  'assessment.changes_requested': 'Changes requested',
  'assessment.review_started': 'Review started',
  'assessment.reminder_sent': 'Reminder mailed',
  'assessment.expired': 'Expired',
  'assessment.revoked': 'Revoked',
  'assessment.decided': 'Decided',
};

function summary(details: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof details.days === 'number') parts.push(`${details.days} days before due`);
  if (Array.isArray(details.questionIds)) parts.push(`${details.questionIds.length} question(s)`);
  if (typeof details.questionId === 'string') parts.push(details.questionId);
  if (typeof details.fileName === 'string') parts.push(details.fileName);
  if (typeof details.to === 'string') parts.push(`to ${details.to}`);
  if (typeof details.email === 'string') parts.push(details.email);
  if (typeof details.reason === 'string') parts.push(details.reason);
  return parts.join(' · ');
}

export function AssessmentTimeline({ detail }: { detail: AssessmentDetail }) {
  return (
    <table>
      <caption>Timeline (from the audit trail)</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">What</th>
          <th scope="col">Who</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {detail.timeline.map((e) => (
          <tr key={e.seq}>
            <td>{new Date(e.at).toLocaleString()}</td>
            <td>{labels[e.action] ?? e.action}</td>
            <td>{e.actorType === 'vendor' ? 'vendor' : (e.actorLabel ?? e.actorType)}</td>
            <td className="details">{summary(e.details)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
