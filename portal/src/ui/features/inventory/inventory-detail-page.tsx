import type { CreateAiSystemInput } from '@sightline/shared/inventory/inventory-api';
import { euAiActClassLabels, lifecycleStageLabels } from '@sightline/shared/inventory/inventory-enums';
import { dataCategoryLabels } from '@sightline/shared/questionnaire/profile-vocabulary';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../lib/api';
import { useApiMutation } from '../../lib/api-mutation';
import { hasRole, useMe } from '../../lib/session';
import { allInventoryKey, fetchSystem, inventoryWriters, systemKey } from './inventory-queries';
import { ResponsibilitiesEditor } from './responsibilities-editor';
import { SystemForm } from './system-form';
import { SystemHistory } from './system-history';

/** One AI system: its facts, its suppliers with tier and responsibilities, and every change made to it. */
export function InventoryDetailPage() {
  const { id = '' } = useParams();
  const me = useMe().data;
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const system = useQuery({ queryKey: systemKey(id), queryFn: () => fetchSystem(id) });
  const update = useApiMutation({
    mutationFn: (json: CreateAiSystemInput) =>
      unwrap(api.api.inventory[':id'].$patch({ param: { id }, json })),
    onSuccess: async () => {
      setEditing(false);
      await client.invalidateQueries({ queryKey: allInventoryKey });
    },
    failure: 'The server did not answer',
  });
  if (system.isPending) return <p className="loading">Loading…</p>;
  if (system.error)
    return (
      <p role="alert" className="error">
        {system.error.message}
      </p>
    );
  const s = system.data;
  const canWrite = hasRole(me, inventoryWriters);
  return (
    <section>
      <p>
        <Link to="/inventory">← AI system inventory</Link>
      </p>
      <h1>{s.name}</h1>
      {editing ? (
        <SystemForm
          initial={s}
          submitLabel="Save changes"
          pending={update.isPending}
          error={update.error}
          onSubmit={update.mutate}
        />
      ) : (
        <dl className="facts card">
          <dt>Purpose</dt>
          <dd>{s.purpose}</dd>
          <dt>Business owner</dt>
          <dd>{s.owner}</dd>
          <dt>Origin</dt>
          <dd>{s.origin === 'internal' ? 'Built by us' : 'From suppliers'}</dd>
          <dt>Life cycle stage</dt>
          <dd>{lifecycleStageLabels[s.lifecycleStage]}</dd>
          <dt>EU AI Act</dt>
          <dd>
            {euAiActClassLabels[s.euAiActClass]}; our role: {s.orgRole.replaceAll('_', ' ')}
          </dd>
          <dt>Data</dt>
          <dd>
            {s.dataCategories.length ? s.dataCategories.map((c) => dataCategoryLabels[c]).join(', ') : '—'}
          </dd>
          <dt>Decisions about people</dt>
          <dd>{s.decisionsAboutPeople ? (s.decisionsDescription ?? 'yes') : 'no'}</dd>
          <dt>Human oversight</dt>
          <dd>{s.humanOversight ?? '—'}</dd>
          <dt>Catalog services</dt>
          <dd>{s.serviceIds.length ? s.serviceIds.join(', ') : '—'}</dd>
          <dt>Next review</dt>
          <dd className={s.dueForReview ? 'error' : ''}>
            {s.nextReviewOn ?? '—'}
            {s.dueForReview ? ' (due)' : ''}
          </dd>
        </dl>
      )}
      {canWrite && !editing && (
        <button type="button" className="secondary" onClick={() => setEditing(true)}>
          Edit
        </button>
      )}
      <h2>Suppliers</h2>
      {s.suppliers.length === 0 ? (
        <p className="empty-state">
          No supplier:{' '}
          {s.origin === 'internal' ? 'the organisation builds this system itself.' : 'none linked yet.'} A
          decision on an assessment links its vendor here.
        </p>
      ) : (
        s.suppliers.map((sup) => (
          <div className="card" key={sup.id} data-testid="supplier">
            <h3>
              <Link to={`/vendors/${sup.vendorId}`}>{sup.vendorName}</Link>{' '}
              {sup.tier ? <span className={`badge ${sup.tier}`}>{sup.tier} risk</span> : 'not assessed yet'}
            </h3>
            <p className="details">
              {sup.serviceId ? `Service ${sup.serviceId}. ` : ''}
              {sup.assessmentId && <Link to={`/assessments/${sup.assessmentId}`}>Latest assessment</Link>}
            </p>
            <ResponsibilitiesEditor systemId={s.id} supplier={sup} editable={canWrite} />
          </div>
        ))
      )}
      <SystemHistory history={s.history} />
    </section>
  );
}
