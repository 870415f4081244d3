import { DownloadCsvLink } from '../../components/download-csv-link';
import { LoadMore } from '../../components/load-more';
import { usePagedList } from '../../components/use-paged-list';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';

export function AuditPage() {
  const entries = usePagedList({
    queryKey: ['audit'],
    fetchPage: (cursor) => unwrap(api.api.audit.$get({ query: { cursor } })),
    idOf: (e) => String(e.seq),
  });
  const verify = useApiMutation({
    mutationFn: () => unwrap(api.api.audit.verify.$get()),
    failure: 'Could not verify the chain',
  });
  const result = verify.data;
  return (
    <section>
      <h1>Audit trail</h1>
      <p>
        Every entry is chained to the one before it by a SHA-256 hash; the database refuses changes and
        deletions.
      </p>
      <button type="button" onClick={() => verify.mutate()} disabled={verify.isPending}>
        Verify the chain
      </button>
      <ApiErrorAlert error={verify.error} />
      {result && (
        <p role="status" className={result.ok ? 'ok' : 'error'}>
          {result.ok
            ? `Chain verified: ${result.checked} entries, all intact.`
            : `Chain broken at entry #${result.firstBrokenSeq}: ${result.reason} (${result.checked} entries before it verified).`}
        </p>
      )}
      <p className="table-actions">
        <DownloadCsvLink path="/api/audit/export.csv" label="Download the whole trail (CSV)" />
      </p>
      <table>
        <caption>Latest entries</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.items.map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td>{new Date(e.at).toLocaleString()}</td>
              <td>{e.actorLabel ?? e.actorType}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>{e.targetType ? `${e.targetType} ${e.targetId ?? ''}` : ''}</td>
              <td>
                <code className="details">{JSON.stringify(e.details)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <LoadMore list={entries} noun="entries" />
    </section>
  );
}
