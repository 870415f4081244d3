import { findingStatusLabels } from '@sightline/shared/findings/finding-states';
import type { FindingView } from '@sightline/shared/findings/findings-api';
import { Link } from 'react-router';
import type { Me } from '../../lib/session';
import { FindingRowActions } from './finding-row-actions';

type Props = {
  findings: readonly FindingView[];
  me: Me;
  /** On a vendor's or an assessment's own page the vendor column says nothing new. */
  showVendor?: boolean;
  caption: string;
};

const sourceLabels: Record<FindingView['source'], string> = {
  knock_out: 'knock-out',
  weak_section: 'weak section',
  reviewer: 'flagged by a reviewer',
};

/** Findings with where they came from, who owns them, by when, and their history. */
export function FindingsTable({ findings, me, showVendor = true, caption }: Props) {
  return (
    <table className="findings-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Severity</th>
          <th scope="col">Finding</th>
          {showVendor && <th scope="col">Vendor</th>}
          <th scope="col">Owner</th>
          <th scope="col">Due</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {findings.map((f) => (
          <tr key={f.id} data-testid="finding-row">
            <td>
              <span className={`badge ${f.severity}`}>{f.severity}</span>
            </td>
            <td>
              <strong>{f.title}</strong>
              <div className="details">
                {sourceLabels[f.source]}
                {f.questionText ? ` · ${f.questionText}` : ''}
                {f.answer ? ` · answered “${f.answer}”` : ''}
              </div>
              {f.requestedAction && <div className="details">Asked of the vendor: {f.requestedAction}</div>}
              {f.sentToVendorAt && (
                <div className="details">
                  Sent to the vendor {new Date(f.sentToVendorAt).toLocaleDateString()}
                </div>
              )}
              {f.acceptedReason && (
                <div className="details">
                  Risk accepted by {f.acceptedBy ?? 'an approver'}: {f.acceptedReason}
                </div>
              )}
              <details className="history">
                <summary>History ({f.history.length})</summary>
                <ol>
                  {f.history.map((h) => (
                    <li key={`${h.at}-${h.action}`}>
                      {new Date(h.at).toLocaleString()}, {h.by ?? 'Sightline'}:{' '}
                      {h.action.replaceAll('_', ' ')}
                      {h.toStatus ? ` → ${findingStatusLabels[h.toStatus]}` : ''}
                      {h.note ? ` (${h.note})` : ''}
                    </li>
                  ))}
                </ol>
              </details>
            </td>
            {showVendor && (
              <td>
                <Link to={`/vendors/${f.vendorId}`}>{f.vendorName}</Link>
                <div className="details">
                  <Link to={`/assessments/${f.assessmentId}`}>assessment</Link>
                </div>
              </td>
            )}
            <td>{f.ownerName ?? <span className="info">nobody yet</span>}</td>
            <td className={f.overdue ? 'error' : ''}>
              {f.dueOn ?? '—'}
              {f.overdue ? ' (overdue)' : ''}
            </td>
            <td>
              <span className={`badge finding-${f.status}`}>{findingStatusLabels[f.status]}</span>
            </td>
            <td>
              <FindingRowActions finding={f} me={me} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
