import { incidentSeverities, incidentSources } from '@sightline/shared/reviews/review-enums';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { api, unwrap } from '../../lib/api';
import { useApiMutation } from '../../lib/api-mutation';
import {
  changeKindLabels,
  fetchIncidents,
  fetchMaterialChanges,
  incidentsKey,
  materialChangesKey,
} from './review-queries';

const sourceLabels: Record<(typeof incidentSources)[number], string> = {
  vendor_notice: 'Vendor notice',
  news: 'News or public report',
  internal: 'Found by us',
  regulator: 'Regulator',
  other: 'Other',
};

const today = () => new Date().toISOString().slice(0, 10);

/** Incidents recorded against the vendor (each brings its review forward), with a form to record one. */
export function VendorIncidents({ vendorId, canRecord }: { vendorId: string; canRecord: boolean }) {
  const client = useQueryClient();
  const incidents = useQuery({ queryKey: incidentsKey(vendorId), queryFn: () => fetchIncidents(vendorId) });
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const record = useApiMutation({
    mutationFn: (json: Parameters<(typeof api.api.vendors)[':id']['incidents']['$post']>[0]['json']) =>
      unwrap(api.api.vendors[':id'].incidents.$post({ param: { id: vendorId }, json })),
    onSuccess: () => {
      setMessage({ error: false, text: 'Incident recorded. The vendor is now due for review.' });
      client.invalidateQueries({ queryKey: incidentsKey(vendorId) });
      client.invalidateQueries({ queryKey: ['reviews'] });
    },
    failure: 'Could not record it',
    onError: (e) => setMessage({ error: true, text: e.message }),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    setMessage(null);
    record.mutate(
      {
        occurredOn: String(f.get('occurredOn')),
        description: String(f.get('description') ?? ''),
        severity: String(f.get('severity')) as (typeof incidentSeverities)[number],
        source: String(f.get('source')) as (typeof incidentSources)[number],
      },
      { onSuccess: () => form.reset() },
    );
  };
  const rows = incidents.data?.incidents ?? [];
  return (
    <>
      {incidents.error ? (
        <p role="alert" className="error">
          {incidents.error.message}
        </p>
      ) : rows.length === 0 ? (
        <EmptyState title="No incidents recorded">
          A breach, an outage or a regulator's notice involving this vendor. Recording one puts the vendor on
          "Due for review" until a reassessment starts.
        </EmptyState>
      ) : (
        <table>
          <caption>Incidents</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Severity</th>
              <th scope="col">What happened</th>
              <th scope="col">Source</th>
              <th scope="col">Recorded</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((i) => (
              <tr key={i.id}>
                <td>{i.occurredOn}</td>
                <td>
                  <span className={`badge ${i.severity}`}>{i.severity}</span>
                </td>
                <td>{i.description}</td>
                <td>{sourceLabels[i.source as keyof typeof sourceLabels] ?? i.source}</td>
                <td className="details">
                  {new Date(i.recordedAt).toLocaleDateString()}
                  {i.recordedBy && ` by ${i.recordedBy}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canRecord && (
        <form className="card inline-form" onSubmit={onSubmit} aria-label="Record an incident">
          <h2>Record an incident</h2>
          <label>
            Date
            <input name="occurredOn" type="date" required max={today()} defaultValue={today()} />
          </label>
          <label>
            Severity
            <select name="severity" defaultValue="medium">
              {incidentSeverities.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label>
            Source
            <select name="source" defaultValue="vendor_notice">
              {incidentSources.map((s) => (
                <option key={s} value={s}>
                  {sourceLabels[s]}
                </option>
              ))}
            </select>
          </label>
          <label className="wide">
            What happened
            <textarea name="description" rows={2} required maxLength={4000} />
          </label>
          <button type="submit" disabled={record.isPending}>
            Record incident
          </button>
          {message && (
            <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'ok'}>
              {message.text}
            </p>
          )}
        </form>
      )}
    </>
  );
}

/** Material changes the vendor declared through its questionnaire link. */
export function VendorMaterialChanges({ vendorId }: { vendorId: string }) {
  const changes = useQuery({
    queryKey: materialChangesKey(vendorId),
    queryFn: () => fetchMaterialChanges(vendorId),
  });
  const rows = changes.data?.changes ?? [];
  if (rows.length === 0) return null;
  return (
    <table>
      <caption>Changes the vendor declared</caption>
      <thead>
        <tr>
          <th scope="col">Declared</th>
          <th scope="col">Kind</th>
          <th scope="col">What changed</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id}>
            <td>{new Date(c.declaredAt).toLocaleDateString()}</td>
            <td>
              <span className="chip reason-material_change">{changeKindLabels[c.kind]}</span>
            </td>
            <td>{c.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
