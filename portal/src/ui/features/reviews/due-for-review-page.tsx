import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { EmptyState } from '../../components/empty-state';
import { hasRole, useMe } from '../../lib/session';
import { type DueForReview, dueInWords, dueKey, fetchDueForReview, reasonLabels } from './review-queries';
import { StartReassessmentButton } from './start-reassessment-button';

/** Vendors whose review is due or brought forward, overdue first, with every reason and the next step. */
export function DueForReviewPage() {
  const me = useMe().data;
  const canStart = hasRole(me, ['admin', 'procurement']);
  const due = useQuery({ queryKey: dueKey, queryFn: fetchDueForReview });
  return (
    <section>
      <h1>Due for review</h1>
      <p className="info">
        Vendors whose next review date (set by their risk tier when they were decided) is past or within 30
        days, and vendors brought forward by a trigger. Overdue first.
      </p>
      {due.isPending ? (
        <p className="loading">Loading…</p>
      ) : due.error ? (
        <p role="alert" className="error">
          {due.error.message}
        </p>
      ) : due.data.vendors.length === 0 ? (
        <EmptyState title="Nothing is due for review">
          A vendor appears here when its review date from the tier cadence is within 30 days or past, a
          document or evidence file (a certificate, a SOC 2 report) expires within 30 days, someone records an
          incident against it, the number of people using its services doubles within 30 days, use of a
          service it provides that was decided "blocked" keeps rising, or the vendor declares a material
          change on its questionnaire page.
        </EmptyState>
      ) : (
        <DueTable rows={due.data.vendors} canStart={canStart} />
      )}
    </section>
  );
}

function DueTable({ rows, canStart }: { rows: DueForReview['vendors']; canStart: boolean }) {
  return (
    <table className="due-table">
      <caption>Vendors due for review</caption>
      <thead>
        <tr>
          <th scope="col">Vendor</th>
          <th scope="col">When</th>
          <th scope="col">Why</th>
          <th scope="col">Services</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.vendorId}>
            <td>
              <Link to={`/vendors/${row.vendorId}`}>{row.vendorName}</Link>
              {row.tier && (
                <>
                  {' '}
                  <span className={`badge ${row.tier}`}>{row.tier} risk</span>
                </>
              )}
            </td>
            <td className={row.overdue ? 'error' : ''}>
              <strong>{dueInWords(row.daysUntilDue)}</strong>
              <br />
              <span className="details">{row.dueOn}</span>
            </td>
            <td>
              <ul className="reason-list">
                {row.reasons.map((r) => (
                  <li key={r.key}>
                    <span className={`chip reason-${r.reason}`}>{reasonLabels[r.reason]}</span> {r.label}
                  </li>
                ))}
              </ul>
            </td>
            <td>
              <ul className="reason-list">
                {row.services.map((s) => (
                  <li key={s.serviceId ?? 'vendor'}>
                    {s.serviceName ?? 'Vendor-wide'}{' '}
                    {s.openAssessmentId ? (
                      <Link to={`/assessments/${s.openAssessmentId}`}>reassessment under way</Link>
                    ) : s.latestDecidedAssessmentId && canStart ? (
                      <StartReassessmentButton
                        assessmentId={s.latestDecidedAssessmentId}
                        label={`${row.vendorName} ${s.serviceName ?? ''}`.trim()}
                      />
                    ) : !s.latestDecidedAssessmentId && canStart ? (
                      <Link to={`/assessments/new?vendorId=${row.vendorId}`}>send a first assessment</Link>
                    ) : null}
                  </li>
                ))}
                {row.services.length === 0 && canStart && (
                  <li>
                    <Link to={`/assessments/new?vendorId=${row.vendorId}`}>Send a first assessment</Link>
                  </li>
                )}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
