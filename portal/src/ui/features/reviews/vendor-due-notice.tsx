import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { dueInWords, dueKey, fetchDueForReview, reasonLabels } from './review-queries';

/** On the vendor page: why this vendor is on "Due for review", if it is. */
export function VendorDueNotice({ vendorId }: { vendorId: string }) {
  const due = useQuery({ queryKey: dueKey, queryFn: fetchDueForReview });
  const row = due.data?.vendors.find((v) => v.vendorId === vendorId);
  if (!row) return null;
  return (
    <section className="card notice-box" aria-labelledby="vendor-due-title">
      <h2 id="vendor-due-title">
        Due for review: {dueInWords(row.daysUntilDue)} <span className="details">({row.dueOn})</span>
      </h2>
      <ul className="reason-list">
        {row.reasons.map((r) => (
          <li key={r.key}>
            <span className={`chip reason-${r.reason}`}>{reasonLabels[r.reason]}</span> {r.label}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/reviews/due">All vendors due for review</Link>
      </p>
    </section>
  );
}
