import { type RecordIncidentInput, recordIncidentSchema } from '@sightline/shared/reviews/review-api';
import { incidentSeverities, incidentSources } from '@sightline/shared/reviews/review-enums';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { textLimits } from '../../lib/schema-limits';
import { FieldError, fieldErrorProps, useZodForm } from '../../lib/zod-form';
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
  const [recorded, setRecorded] = useState(false);
  const form = useZodForm(recordIncidentSchema, {
    defaultValues: { occurredOn: today(), description: '', severity: 'medium', source: 'vendor_notice' },
  });
  const record = useApiMutation({
    mutationFn: (json: RecordIncidentInput) =>
      unwrap(api.api.vendors[':id'].incidents.$post({ param: { id: vendorId }, json })),
    onMutate: () => setRecorded(false),
    onSuccess: () => {
      setRecorded(true);
      form.reset();
      client.invalidateQueries({ queryKey: incidentsKey(vendorId) });
      client.invalidateQueries({ queryKey: ['reviews'] });
    },
    failure: 'Could not record it',
  });
  const errors = form.formState.errors;
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
        <form
          className="card inline-form"
          onSubmit={form.handleSubmit((json) => record.mutate(json))}
          aria-label="Record an incident"
          noValidate
        >
          <h2>Record an incident</h2>
          <div className="field">
            <label>
              Date
              <input
                {...form.register('occurredOn')}
                type="date"
                required
                max={today()}
                {...fieldErrorProps('incident-date-error', errors.occurredOn)}
              />
            </label>
            <FieldError id="incident-date-error" message={errors.occurredOn?.message} />
          </div>
          <label>
            Severity
            <select {...form.register('severity')}>
              {incidentSeverities.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label>
            Source
            <select {...form.register('source')}>
              {incidentSources.map((s) => (
                <option key={s} value={s}>
                  {sourceLabels[s]}
                </option>
              ))}
            </select>
          </label>
          <div className="field wide">
            <label>
              What happened
              <textarea
                {...form.register('description')}
                rows={2}
                required
                {...textLimits(recordIncidentSchema.shape.description)}
                {...fieldErrorProps('incident-description-error', errors.description)}
              />
            </label>
            <FieldError id="incident-description-error" message={errors.description?.message} />
          </div>
          <button type="submit" disabled={record.isPending}>
            Record incident
          </button>
          {recorded && (
            <p role="status" className="ok">
              Incident recorded. The vendor is now due for review.
            </p>
          )}
          <ApiErrorAlert error={record.error} />
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
