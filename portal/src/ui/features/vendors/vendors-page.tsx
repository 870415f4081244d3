import { riskTierSchema, riskTiers } from '@sightline/shared/assessments/assessment-states';
import {
  shownVendorStatuses,
  shownVendorStatusSchema,
  vendorStatusLabels,
} from '@sightline/shared/vendors/vendor-statuses';
import { useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DownloadCsvLink } from '../../components/download-csv-link';
import { EmptyState } from '../../components/empty-state';
import { LoadMore } from '../../components/load-more';
import { usePagedList } from '../../components/use-paged-list';
import { api, unwrap } from '../../lib/api';
import { optionOf } from '../../lib/form-fields';
import { hasRole, useMe } from '../../lib/session';
import { NewVendorForm } from './new-vendor-form';

export function VendorsPage() {
  const canWrite = hasRole(useMe().data, ['admin', 'procurement']);
  const [params, setParams] = useSearchParams();
  const nameField = useRef<HTMLInputElement>(null);
  const filterForm = useRef<HTMLFormElement>(null);
  const clearFilters = () => {
    filterForm.current?.reset();
    setParams({}, { replace: true });
  };
  const query = {
    q: params.get('q') || undefined,
    // A value the address holds that the list does not know filters nothing, rather than failing.
    status: optionOf(shownVendorStatusSchema, params.get('status')),
    tier: optionOf(riskTierSchema, params.get('tier')),
  };
  const vendors = usePagedList({
    queryKey: ['vendors', query],
    fetchPage: (cursor) => unwrap(api.api.vendors.$get({ query: { ...query, cursor } })),
  });
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <section>
      <h1>Vendors</h1>
      <form
        ref={filterForm}
        className="card inline-form"
        aria-label="Filter vendors"
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          Search
          <input
            type="search"
            defaultValue={query.q ?? ''}
            placeholder="Name, website or service id"
            onChange={(e) => setFilter('q', e.target.value)}
          />
        </label>
        <label>
          Status
          <select value={query.status ?? ''} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">Any</option>
            {shownVendorStatuses.map((s) => (
              <option key={s} value={s}>
                {vendorStatusLabels[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Risk tier
          <select value={query.tier ?? ''} onChange={(e) => setFilter('tier', e.target.value)}>
            <option value="">Any</option>
            {riskTiers.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      </form>
      <p className="table-actions">
        <DownloadCsvLink path="/api/vendors/export.csv" filters={query} />
      </p>
      {vendors.error && (
        <p role="alert" className="error">
          {vendors.error.message}
        </p>
      )}
      {vendors.loaded && vendors.items.length === 0 ? (
        query.q || query.status || query.tier ? (
          <EmptyState
            title="No vendor matches these filters"
            action={
              <button type="button" className="secondary" onClick={clearFilters}>
                Clear the filters
              </button>
            }
          >
            The search looks at names, websites and catalog service ids.
          </EmptyState>
        ) : (
          <EmptyState
            title="No vendors yet"
            action={
              canWrite && (
                <button type="button" onClick={() => nameField.current?.focus()}>
                  Add the first vendor
                </button>
              )
            }
          >
            The vendor register keeps each AI supplier with the services it provides, its contacts, documents
            and assessments. Add a vendor, then send it an assessment.
          </EmptyState>
        )
      ) : (
        <table>
          <caption>Vendor register</caption>
          <thead>
            <tr>
              <th scope="col">Vendor</th>
              <th scope="col">Status</th>
              <th scope="col">Tier</th>
              <th scope="col">Services</th>
              <th scope="col">Assessments</th>
              <th scope="col">Next review</th>
            </tr>
          </thead>
          <tbody>
            {vendors.items.map((v) => (
              <tr key={v.id}>
                <td>
                  <Link to={`/vendors/${v.id}`}>{v.name}</Link>
                </td>
                <td>
                  <span className="badge">{vendorStatusLabels[v.status]}</span>
                </td>
                <td>{v.tier ? <span className={`badge ${v.tier}`}>{v.tier}</span> : '—'}</td>
                <td>{v.services.join(', ') || '—'}</td>
                <td>{v.assessmentCount}</td>
                <td>{v.nextReviewOn ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore list={vendors} noun="vendors" />
      {canWrite && <NewVendorForm nameField={nameField} />}
    </section>
  );
}
