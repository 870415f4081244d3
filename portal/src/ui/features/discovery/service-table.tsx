import type { AssessmentState } from '@sightline/shared/assessments/assessment-states';
import { stateLabels as assessmentStateLabels } from '@sightline/shared/assessments/assessment-transitions';
import { type ServiceSortKey, serviceSortKeys } from '@sightline/shared/discovery/discovery-api';
import type { PolicyState } from '@sightline/shared/policy/policy-states';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { DownloadCsvLink } from '../../components/download-csv-link';
import { api, unwrap } from '../../lib/api';
import { optionOf } from '../../lib/form-fields';
import { stateLabels } from '../policy/policy-page';
import { BulkPolicyForm } from './bulk-policy-form';
import type { PeriodQuery } from './use-period';

const sortKeySchema = z.enum(serviceSortKeys);

const PAGE_SIZE = 25;

const sortLabels: Partial<Record<ServiceSortKey, string>> = {
  'assess-first': 'Assess first',
  people: 'Most people',
  visits: 'Most visits',
  pastes: 'Most pastes',
  uploads: 'Most uploads',
  personal: 'Most personal sign-ins',
  'first-seen': 'Newest first',
  name: 'Name',
};

/**
 * Every service used in the period. "Assess first" puts the services nobody assessed or approved on
 * top, most people first; admin and procurement can select services and set their policy at once.
 */
export function ServiceTable({
  period,
  canAssess,
  search,
}: {
  period: PeriodQuery;
  canAssess: boolean;
  search: string;
}) {
  const [sort, setSort] = useState<ServiceSortKey>('assess-first');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulk, setBulk] = useState(false);
  const table = useQuery({
    queryKey: ['discovery', 'services', period, sort, page],
    queryFn: () =>
      unwrap(
        api.api.discovery.services.$get({
          query: { ...period, sort, page: String(page), pageSize: String(PAGE_SIZE) },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const data = table.data;
  if (!data) return <p className="loading">Loading services…</p>;
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  const toggle = (id: string) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const pageIds = data.services.map((s) => s.serviceId);
  const allOnPage = pageIds.every((id) => selected.includes(id));

  return (
    <section aria-labelledby="services-heading">
      <div className="table-head">
        <h2 id="services-heading">
          Services in use <span className="muted">({data.total})</span>
        </h2>
        <label>
          Sort{' '}
          <select
            value={sort}
            onChange={(e) => {
              setSort(optionOf(sortKeySchema, e.target.value) ?? 'assess-first');
              setPage(1);
            }}
          >
            {Object.entries(sortLabels).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <DownloadCsvLink
          path="/api/discovery/services/export.csv"
          filters={{ ...period, sort }}
          label="Download this table for the period (CSV)"
        />
        {canAssess && selected.length > 0 && !bulk && (
          <button type="button" onClick={() => setBulk(true)}>
            Set policy for {selected.length} selected
          </button>
        )}
        {canAssess && selected.length > 0 && (
          <button type="button" className="secondary" onClick={() => setSelected([])}>
            Clear selection
          </button>
        )}
      </div>
      {bulk && (
        <BulkPolicyForm
          serviceIds={selected}
          onDone={() => {
            setBulk(false);
            setSelected([]);
          }}
        />
      )}
      <table className="service-table">
        <caption className="visually-hidden">AI services used in the period</caption>
        <thead>
          <tr>
            {canAssess && (
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label="Select every service on this page"
                  checked={allOnPage}
                  onChange={() =>
                    setSelected((s) =>
                      allOnPage ? s.filter((x) => !pageIds.includes(x)) : [...new Set([...s, ...pageIds])],
                    )
                  }
                />
              </th>
            )}
            <th scope="col">Service</th>
            <th scope="col">People</th>
            <th scope="col">Browsers</th>
            <th scope="col">Visits</th>
            <th scope="col">Pastes</th>
            <th scope="col">Uploads</th>
            <th scope="col" title="Sign-ins with a personal account">
              Personal sign-ins
            </th>
            <th scope="col">First seen</th>
            <th scope="col">Policy</th>
            <th scope="col">Assessment</th>
          </tr>
        </thead>
        <tbody>
          {data.services.map((s) => (
            <tr key={s.serviceId}>
              {canAssess && (
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${s.name}`}
                    checked={selected.includes(s.serviceId)}
                    onChange={() => toggle(s.serviceId)}
                  />
                </td>
              )}
              <td>
                <Link to={`/services/${encodeURIComponent(s.serviceId)}?${search}`}>{s.name}</Link>
                <div className="muted">{s.vendor}</div>
              </td>
              <td>{s.people}</td>
              <td>{s.browsers}</td>
              <td>{s.visits}</td>
              <td>{s.pastes}</td>
              <td>{s.uploads}</td>
              <td>{s.personalAccountEvents}</td>
              <td className="nowrap">{s.firstSeen}</td>
              <td>
                <span className={`badge state-${s.state}`}>{stateLabels[s.state as PolicyState]}</span>
              </td>
              <td className="nowrap">
                <AssessmentCell serviceId={s.serviceId} assessment={s.assessment} canAssess={canAssess} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <nav className="pager" aria-label="Pages of services">
          <button type="button" className="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Previous
          </button>
          <span>
            Page {page} of {pages}
          </span>
          <button
            type="button"
            className="secondary"
            disabled={page >= pages}
            onClick={() => setPage(page + 1)}
          >
            Next
          </button>
        </nav>
      )}
    </section>
  );
}

type Assessment = { id: string; state: AssessmentState };

/** The assessment's state, and one click to start one when none is under way. */
export function AssessmentCell({
  serviceId,
  assessment,
  canAssess,
}: {
  serviceId: string;
  assessment: Assessment | null;
  canAssess: boolean;
}) {
  const finished = assessment?.state === 'expired' || assessment?.state === 'revoked';
  const start = canAssess && (!assessment || finished) && (
    <Link to={`/assessments/new?serviceId=${encodeURIComponent(serviceId)}`}>Start assessment</Link>
  );
  if (!assessment) return start || <span className="muted">none yet</span>;
  return (
    <>
      <Link to={`/assessments/${assessment.id}`}>
        <span className={`badge state-${assessment.state}`}>{assessmentStateLabels[assessment.state]}</span>
      </Link>
      {start && <> · {start}</>}
    </>
  );
}
