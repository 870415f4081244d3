import { findingStatuses, findingStatusLabels } from '@sightline/shared/findings/finding-states';
import type { FindingListQuery } from '@sightline/shared/findings/findings-api';
import { useSearchParams } from 'react-router';
import { DownloadCsvLink } from '../../components/download-csv-link';
import { LoadMore } from '../../components/load-more';
import { usePagedList } from '../../components/use-paged-list';
import { useMe } from '../../lib/session';
import { fetchFindingsPage, findingPagesKey } from './finding-queries';
import { FindingsTable } from './findings-table';

/** Filters live in the URL so a filtered list can be bookmarked and shared. */
function queryFrom(params: URLSearchParams, myId: string | undefined): FindingListQuery {
  const query: FindingListQuery = {};
  const status = params.get('status') ?? 'blocking';
  if (status === 'blocking' || (findingStatuses as readonly string[]).includes(status))
    query.status = status as FindingListQuery['status'];
  if (params.get('overdue') === 'true') query.overdue = 'true';
  if (params.get('owner') === 'me' && myId) query.ownerId = myId;
  const vendorId = params.get('vendorId');
  if (vendorId) query.vendorId = vendorId;
  return query;
}

/** Every finding across vendors: what is open, overdue, whose, and from which assessment. */
export function FindingsPage() {
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const query = queryFrom(params, me?.id);
  const findings = usePagedList({
    queryKey: findingPagesKey(query),
    fetchPage: (cursor) => fetchFindingsPage(query, cursor),
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  if (!me) return null;
  return (
    <section>
      <h1>Findings</h1>
      <p className="info">
        Shortfalls found in assessments: knock-outs and weak sections raise them by themselves, reviewers flag
        the rest. Each is resolved when the vendor fixes it and a reviewer agrees, or its risk is accepted by
        an approver. An approval waits until none is open.
      </p>
      <div className="filters form-grid">
        <label>
          Status
          <select value={params.get('status') ?? 'blocking'} onChange={(e) => set('status', e.target.value)}>
            <option value="blocking">Open or in remediation</option>
            {findingStatuses.map((s) => (
              <option key={s} value={s}>
                {findingStatusLabels[s]}
              </option>
            ))}
            <option value="all">All</option>
          </select>
        </label>
        <label className="radio">
          <input
            type="checkbox"
            checked={params.get('overdue') === 'true'}
            onChange={(e) => set('overdue', e.target.checked ? 'true' : '')}
          />
          Overdue only
        </label>
        <label className="radio">
          <input
            type="checkbox"
            checked={params.get('owner') === 'me'}
            onChange={(e) => set('owner', e.target.checked ? 'me' : '')}
          />
          Mine only
        </label>
      </div>
      <p className="table-actions">
        <DownloadCsvLink path="/api/findings/export.csv" filters={query} />
      </p>
      {!findings.loaded && !findings.error && <p className="loading">Loading…</p>}
      {findings.error && (
        <p role="alert" className="error">
          {findings.error.message}
        </p>
      )}
      {findings.loaded &&
        (findings.items.length === 0 ? (
          <p className="empty-state">
            No findings match. Findings appear here when a submitted questionnaire is scored or a reviewer
            flags an answer.
          </p>
        ) : (
          <FindingsTable findings={findings.items} me={me} caption="Findings" />
        ))}
      <LoadMore list={findings} noun="findings" />
    </section>
  );
}
