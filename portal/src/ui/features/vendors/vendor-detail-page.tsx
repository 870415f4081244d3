import { stateLabels } from '@sightline/shared/assessments/assessment-transitions';
import { isOpenAssessment } from '@sightline/shared/assessments/open-assessments';
import { vendorStatusLabels } from '@sightline/shared/vendors/vendor-statuses';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../components/empty-state';
import { hasRole, useMe } from '../../lib/session';
import { VendorFindings } from '../findings/vendor-findings';
import { StartReassessmentButton } from '../reviews/start-reassessment-button';
import { VendorDueNotice } from '../reviews/vendor-due-notice';
import { VendorIncidents, VendorMaterialChanges } from '../reviews/vendor-incidents';
import { CatalogSuggestions } from './catalog-services';
import { VendorContacts } from './vendor-contacts';
import { VendorDocuments } from './vendor-documents';
import { VendorProfileForm } from './vendor-profile-form';
import { fetchVendor, type VendorDetail, vendorKey } from './vendor-queries';

export function VendorDetailPage() {
  const { id = '' } = useParams();
  const me = useMe().data;
  const canWrite = hasRole(me, ['admin', 'procurement']);
  const vendor = useQuery({ queryKey: vendorKey(id), queryFn: () => fetchVendor(id) });
  if (vendor.isPending) return <p className="loading">Loading…</p>;
  if (vendor.error)
    return (
      <p role="alert" className="error">
        {vendor.error.message}
      </p>
    );
  const data = vendor.data;
  const reassessable = reassessableIds(data.assessments);
  return (
    <section>
      <p>
        <Link to="/vendors">← Vendors</Link>
      </p>
      <h1>{data.vendor.name}</h1>
      <p>
        <span className="badge">{vendorStatusLabels[data.vendor.status]}</span>{' '}
        {data.vendor.tier && <span className={`badge ${data.vendor.tier}`}>{data.vendor.tier} risk</span>}{' '}
        {data.vendor.nextReviewOn && <span className="info">next review {data.vendor.nextReviewOn}</span>}
      </p>
      <VendorDueNotice vendorId={id} />
      {/* Remounts when the vendor changes elsewhere (e.g. a linked service), so no stale field is saved back. */}
      <VendorProfileForm
        key={`${data.vendor.updatedAt}|${data.services.join(',')}`}
        data={data}
        canWrite={canWrite}
      />
      {canWrite && <CatalogSuggestions vendorId={id} vendorName={data.vendor.name} linked={data.services} />}
      <VendorContacts vendorId={id} contacts={data.contacts} canWrite={canWrite} />
      <VendorDocuments vendorId={id} documents={data.documents} canWrite={canWrite} />
      {data.assessments.length === 0 ? (
        <EmptyState
          title="No assessments yet"
          action={
            canWrite && (
              <Link className="button-link" to={`/assessments/new?vendorId=${id}`}>
                Send this vendor an assessment
              </Link>
            )
          }
        >
          An assessment sends this vendor the AI supplier questionnaire and follows it through review to a
          decision.
        </EmptyState>
      ) : (
        <table>
          <caption>Assessments</caption>
          <thead>
            <tr>
              <th scope="col">Questionnaire</th>
              <th scope="col">Service</th>
              <th scope="col">Respondent</th>
              <th scope="col">Cycle</th>
              <th scope="col">State</th>
              <th scope="col">Due</th>
              {canWrite && (
                <th scope="col">
                  <span className="visually-hidden">Next cycle</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {data.assessments.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={`/assessments/${a.id}`}>
                    {a.templateTitle} v{a.templateVersion}
                  </Link>
                </td>
                <td>{a.serviceId ?? '—'}</td>
                <td>{a.respondentEmail}</td>
                <td>{a.cycle}</td>
                <td>
                  <span className={`badge state-${a.state}`}>{stateLabels[a.state]}</span>
                </td>
                <td>{a.dueOn}</td>
                {canWrite && (
                  <td>
                    {reassessable.has(a.id) && (
                      <StartReassessmentButton
                        assessmentId={a.id}
                        label={`${data.vendor.name} ${a.serviceId ?? ''}`.trim()}
                      />
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <VendorMaterialChanges vendorId={id} />
      <VendorIncidents vendorId={id} canRecord={hasRole(me, ['admin', 'procurement', 'reviewer'])} />
      {me && <VendorFindings vendorId={id} me={me} />}
      {canWrite && data.assessments.length > 0 && (
        <p>
          <Link className="button-link" to={`/assessments/new?vendorId=${id}`}>
            New assessment
          </Link>
        </p>
      )}
    </section>
  );
}

/**
 * The decided assessments a new cycle may start from: the newest decided one per service, while no
 * assessment of that service is under way (the server refuses a second one with 409 anyway).
 */
function reassessableIds(assessments: VendorDetail['assessments']): Set<string> {
  const ids = new Set<string>();
  const seen = new Set<string>();
  // Newest first: the first decided one per service is the latest.
  for (const a of assessments) {
    const service = a.serviceId ?? '';
    if (seen.has(service)) continue;
    if (isOpenAssessment(a.state)) seen.add(service);
    else if (a.state === 'decided') {
      seen.add(service);
      ids.add(a.id);
    }
  }
  return ids;
}
