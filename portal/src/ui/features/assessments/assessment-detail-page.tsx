import { stateLabels } from '@sightline/shared/assessments/assessment-transitions';
import { useContextSchema } from '@sightline/shared/questionnaire/use-context';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { UseContextSummary } from '../../components/use-context-summary';
import { hasRole, useMe } from '../../lib/session';
import { DecisionPanel } from '../decisions/decision-panel';
import { AssessmentFindings } from '../findings/assessment-findings';
import { CycleDiffPanel } from '../reviews/cycle-diff-panel';
import { AssessmentActions } from './assessment-actions';
import { AssessmentAnswers } from './assessment-answers';
import { AssessmentMails } from './assessment-mails';
import { assessmentKey, fetchAssessment } from './assessment-queries';
import { AssessmentScore } from './assessment-score';
import { AssessmentTimeline } from './assessment-timeline';
import { type LinkHandOver, LinkNotice } from './link-notice';

const when = (at: string | null) => (at ? new Date(at).toLocaleString() : '—');

export function AssessmentDetailPage() {
  const { id = '' } = useParams();
  const me = useMe().data;
  const location = useLocation();
  const navigate = useNavigate();
  const [handOver, setHandOver] = useState<LinkHandOver | null>(
    (location.state as { handOver?: LinkHandOver } | null)?.handOver ?? null,
  );
  // The link is shown once here: drop it from the history entry so a reload or "back" does not show it again.
  useEffect(() => {
    if (location.state) navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);
  const detail = useQuery({ queryKey: assessmentKey(id), queryFn: () => fetchAssessment(id) });
  if (detail.isPending) return <p className="loading">Loading…</p>;
  if (detail.error)
    return (
      <p role="alert" className="error">
        {detail.error.message}
      </p>
    );
  const d = detail.data;
  const a = d.assessment;
  return (
    <section>
      <p>
        <Link to="/assessments">← Assessments</Link>
      </p>
      <h1>
        {d.vendor.name}: {d.template.title} v{d.template.version}
      </h1>
      <p>
        <span className={`badge state-${a.state}`} data-testid="assessment-state">
          {stateLabels[a.state]}
        </span>{' '}
        <span className="info">
          {d.progress.answered} of {d.progress.total} visible questions answered
          {d.missing.length > 0 && a.state !== 'draft' ? `, ${d.missing.length} required still open` : ''}
        </span>
      </p>
      <p>
        <a className="button-link" href={`/api/assessments/${a.id}/report.pdf`} download>
          Download report (PDF)
        </a>
      </p>
      {handOver && (
        <LinkNotice
          handOver={handOver}
          recipient={a.respondentEmail}
          canOpenOutbox={hasRole(me, ['admin', 'procurement'])}
        />
      )}
      <dl className="facts card">
        <dt>Vendor</dt>
        <dd>
          <Link to={`/vendors/${d.vendor.id}`}>{d.vendor.name}</Link>
        </dd>
        <dt>Service</dt>
        <dd>{a.serviceId ?? '—'}</dd>
        <dt>Respondent</dt>
        <dd>
          {a.respondentName} &lt;{a.respondentEmail}&gt;
        </dd>
        <dt>Due</dt>
        <dd>{a.dueOn}</dd>
        <dt>Sent</dt>
        <dd>{when(a.sentAt)}</dd>
        <dt>First opened</dt>
        <dd>{when(a.firstOpenedAt)}</dd>
        <dt>Submitted</dt>
        <dd>{when(a.submittedAt)}</dd>
        <dt>Link expires</dt>
        <dd>{when(a.expiresAt)}</dd>
        <dt>Our use</dt>
        <dd>
          <UseContextSummary context={useContextSchema.safeParse(a.useContext ?? {}).data ?? {}} />
        </dd>
      </dl>
      <AssessmentActions
        detail={d}
        canSend={hasRole(me, ['admin', 'procurement'])}
        canReview={hasRole(me, ['admin', 'reviewer'])}
        onHandOver={setHandOver}
      />
      <CycleDiffPanel assessmentId={a.id} />
      <AssessmentScore detail={d} canReview={hasRole(me, ['admin', 'reviewer'])} />
      {me && <AssessmentFindings assessmentId={a.id} me={me} />}
      <DecisionPanel detail={d} canDecide={hasRole(me, ['admin', 'approver'])} />
      <AssessmentAnswers detail={d} canReview={hasRole(me, ['admin', 'reviewer'])} />
      <AssessmentMails detail={d} />
      <AssessmentTimeline detail={d} />
    </section>
  );
}
