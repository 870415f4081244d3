import { riskTiers } from '@sightline/shared/assessments/assessment-states';
import type { InventoryListQuery } from '@sightline/shared/inventory/inventory-api';
import {
  euAiActClasses,
  euAiActClassLabels,
  lifecycleStageLabels,
  lifecycleStages,
} from '@sightline/shared/inventory/inventory-enums';
import { Link, useSearchParams } from 'react-router';
import { DownloadCsvLink } from '../../components/download-csv-link';
import { LoadMore } from '../../components/load-more';
import { usePagedList } from '../../components/use-paged-list';
import { hasRole, useMe } from '../../lib/session';
import { fetchInventoryPage, inventoryKey, inventoryWriters } from './inventory-queries';

const filterKeys = ['lifecycleStage', 'euAiActClass', 'tier', 'dueForReview', 'q', 'owner'] as const;

/** Filters live in the URL so an auditor can share the exact view. */
function queryFrom(params: URLSearchParams): InventoryListQuery {
  const query: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) query[key] = value;
  }
  return query as InventoryListQuery;
}

/** The organisation's AI systems (ISO/IEC 42001 clause 4 scope): what, whose, which suppliers, how risky. */
export function InventoryPage() {
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const query = queryFrom(params);
  const systems = usePagedList({
    queryKey: inventoryKey(query),
    fetchPage: (cursor) => fetchInventoryPage(query, cursor),
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <section>
      <h1>AI system inventory</h1>
      <p className="info">
        Every AI system the organisation uses or builds, with its owner, life cycle stage, EU AI Act class,
        and each supplier's current risk tier and share of the responsibilities. Decisions on assessments add
        and update entries; systems built in-house are added by hand.
      </p>
      <p>
        {hasRole(me, inventoryWriters) && (
          <>
            <Link className="button-link" to="/inventory/new">
              Add an AI system
            </Link>{' '}
          </>
        )}
        <a className="button-link" href="/api/inventory/register.pdf" download>
          Download register (PDF)
        </a>
      </p>
      <div className="filters form-grid">
        <label>
          Search
          <input
            type="search"
            defaultValue={params.get('q') ?? ''}
            onChange={(e) => set('q', e.target.value)}
          />
        </label>
        <label>
          Life cycle stage
          <select
            value={params.get('lifecycleStage') ?? ''}
            onChange={(e) => set('lifecycleStage', e.target.value)}
          >
            <option value="">Any</option>
            {lifecycleStages.map((s) => (
              <option key={s} value={s}>
                {lifecycleStageLabels[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          EU AI Act class
          <select
            value={params.get('euAiActClass') ?? ''}
            onChange={(e) => set('euAiActClass', e.target.value)}
          >
            <option value="">Any</option>
            {euAiActClasses.map((c) => (
              <option key={c} value={c}>
                {euAiActClassLabels[c]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Supplier tier
          <select value={params.get('tier') ?? ''} onChange={(e) => set('tier', e.target.value)}>
            <option value="">Any</option>
            {riskTiers.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="radio">
          <input
            type="checkbox"
            checked={params.get('dueForReview') === 'true'}
            onChange={(e) => set('dueForReview', e.target.checked ? 'true' : '')}
          />
          Due for review
        </label>
      </div>
      <p className="table-actions">
        <DownloadCsvLink path="/api/inventory/export.csv" filters={query} />
      </p>
      {!systems.loaded && !systems.error && <p className="loading">Loading…</p>}
      {systems.error && (
        <p role="alert" className="error">
          {systems.error.message}
        </p>
      )}
      {systems.loaded &&
        (systems.items.length === 0 ? (
          <p className="empty-state">
            No AI systems {params.size > 0 ? 'match these filters' : 'yet'}. An approver's decision on an
            assessment adds the service it covers; add systems built in-house with “Add an AI system”.
          </p>
        ) : (
          <table>
            <caption className="visually-hidden">AI systems</caption>
            <thead>
              <tr>
                <th scope="col">System</th>
                <th scope="col">Owner</th>
                <th scope="col">Stage</th>
                <th scope="col">EU AI Act</th>
                <th scope="col">Suppliers (tier)</th>
                <th scope="col">Next review</th>
              </tr>
            </thead>
            <tbody>
              {systems.items.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={`/inventory/${s.id}`}>{s.name}</Link>
                    <div className="details">{s.purpose}</div>
                  </th>
                  <td>{s.owner}</td>
                  <td>{lifecycleStageLabels[s.lifecycleStage]}</td>
                  <td>{euAiActClassLabels[s.euAiActClass]}</td>
                  <td>
                    {s.suppliers.length === 0
                      ? s.origin === 'internal'
                        ? 'built by us'
                        : '—'
                      : s.suppliers.map((sup) => (
                          <div key={sup.id}>
                            <Link to={`/vendors/${sup.vendorId}`}>{sup.vendorName}</Link>{' '}
                            {sup.tier ? (
                              <span className={`badge ${sup.tier}`}>{sup.tier}</span>
                            ) : (
                              'not assessed'
                            )}
                          </div>
                        ))}
                  </td>
                  <td className={s.dueForReview ? 'error' : ''}>
                    {s.nextReviewOn ?? '—'}
                    {s.dueForReview ? ' (due)' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      <LoadMore list={systems} noun="AI systems" />
    </section>
  );
}
