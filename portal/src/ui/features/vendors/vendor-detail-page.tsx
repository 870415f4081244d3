import { riskTiers } from '@sightline/shared/assessments/assessment-states';
import { stateLabels } from '@sightline/shared/assessments/assessment-transitions';
import { isOpenAssessment } from '@sightline/shared/assessments/open-assessments';
import {
  type ChosenVendorStatus,
  chosenVendorStatuses,
  vendorStatusLabels,
} from '@sightline/shared/vendors/vendor-statuses';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../components/empty-state';
import { api, unwrap } from '../../lib/api';
import { useApiMutation } from '../../lib/api-mutation';
import { hasRole, useMe } from '../../lib/session';
import { VendorFindings } from '../findings/vendor-findings';
import { StartReassessmentButton } from '../reviews/start-reassessment-button';
import { VendorDueNotice } from '../reviews/vendor-due-notice';
import { VendorIncidents, VendorMaterialChanges } from '../reviews/vendor-incidents';
import { CatalogSuggestions } from './catalog-services';
import { splitList } from './list-field';
import { VendorContacts } from './vendor-contacts';
import { VendorDocuments } from './vendor-documents';
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
      <VendorProfile
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

function recordedStatus(shown: string): ChosenVendorStatus {
  return (chosenVendorStatuses as readonly string[]).includes(shown)
    ? (shown as ChosenVendorStatus)
    : 'prospect';
}

function VendorProfile({ data, canWrite }: { data: VendorDetail; canWrite: boolean }) {
  const client = useQueryClient();
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const v = data.vendor;
  const save = useApiMutation({
    mutationFn: (json: Parameters<(typeof api.api.vendors)[':id']['$patch']>[0]['json']) =>
      unwrap(api.api.vendors[':id'].$patch({ param: { id: v.id }, json })),
    onSuccess: () => {
      setMessage({ error: false, text: 'Saved.' });
      client.invalidateQueries({ queryKey: ['vendor', v.id] });
      client.invalidateQueries({ queryKey: ['vendors'] });
    },
    failure: 'Could not save',
    onError: (e) => setMessage({ error: true, text: e.message }),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    save.mutate({
      name: text('name'),
      website: text('website') || null,
      status: text('status') as ChosenVendorStatus,
      tier: (text('tier') || null) as (typeof riskTiers)[number] | null,
      nextReviewOn: text('nextReviewOn') || null,
      services: splitList(text('services')).map((s) => s.toLowerCase()),
      modelProviders: splitList(text('modelProviders')),
      subProcessors: splitList(text('subProcessors')),
      notes: text('notes') || null,
    });
  };
  return (
    <form className="card form-grid" onSubmit={onSubmit} aria-label="Vendor details">
      <h2>Details</h2>
      <fieldset disabled={!canWrite} className="plain">
        <label>
          Name
          <input name="name" defaultValue={v.name} required maxLength={200} />
        </label>
        <label>
          Website
          <input name="website" type="url" defaultValue={v.website ?? ''} />
        </label>
        <label>
          Decision
          {/* Awaiting vendor and in review follow the assessments; people record only decisions. */}
          <select name="status" defaultValue={recordedStatus(v.status)}>
            {chosenVendorStatuses.map((s) => (
              <option key={s} value={s}>
                {s === 'prospect' ? 'no decision yet' : vendorStatusLabels[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Risk tier
          <select name="tier" defaultValue={v.tier ?? ''}>
            <option value="">Not set</option>
            {riskTiers.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Next review
          <input name="nextReviewOn" type="date" defaultValue={v.nextReviewOn ?? ''} />
        </label>
        <label>
          Catalog services (comma-separated ids)
          <input name="services" defaultValue={data.services.join(', ')} />
        </label>
        <label>
          Model providers they rely on
          <input
            name="modelProviders"
            defaultValue={v.modelProviders.join(', ')}
            placeholder="OpenAI, Anthropic, …"
          />
        </label>
        <label>
          Sub-processors
          <input name="subProcessors" defaultValue={v.subProcessors.join(', ')} placeholder="AWS, …" />
        </label>
        <label className="wide">
          Notes
          <textarea name="notes" rows={2} defaultValue={v.notes ?? ''} maxLength={5000} />
        </label>
        {canWrite && (
          <button type="submit" disabled={save.isPending}>
            Save details
          </button>
        )}
      </fieldset>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'ok'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
