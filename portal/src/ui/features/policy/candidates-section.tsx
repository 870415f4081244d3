import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';
import { hasRole, useMe } from '../../lib/session';

/** Unknown AI-looking hosts reported by browsers, for an admin to classify. They never trigger warnings. */
export function CandidatesSection({ canEdit }: { canEdit: boolean }) {
  const mayRead = hasRole(useMe().data, ['admin', 'procurement', 'auditor']);
  const client = useQueryClient();
  const candidates = useQuery({
    queryKey: ['candidates'],
    enabled: mayRead,
    queryFn: () => unwrap(api.api.candidates.$get()),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['candidates'] });
  const accept = useMutation({
    mutationFn: (id: string) => unwrap(api.api.candidates[':id'].accept.$post({ param: { id }, json: {} })),
    onSuccess: refresh,
  });
  const dismiss = useMutation({
    mutationFn: (id: string) => unwrap(api.api.candidates[':id'].dismiss.$post({ param: { id } })),
    onSuccess: refresh,
  });
  if (!mayRead) return null;
  const list = candidates.data?.candidates ?? [];
  return (
    <section aria-label="Unknown AI candidates">
      <h2>Unknown AI candidates</h2>
      <p className="muted">
        Hosts that looked like AI services to the extension but are not in the catalog. Add a custom catalog
        entry for the ones that are, so policy can apply to them.
      </p>
      {list.length === 0 ? (
        <p>No candidates reported.</p>
      ) : (
        <table>
          <caption>Candidates</caption>
          <thead>
            <tr>
              <th scope="col">Host</th>
              <th scope="col">Why</th>
              <th scope="col">Devices</th>
              <th scope="col">Last seen</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.id}>
                <td>{c.host}</td>
                <td>{c.signals.join(', ')}</td>
                <td>{c.deviceCount}</td>
                <td>{new Date(c.lastSeenAt).toLocaleString()}</td>
                <td>
                  {c.status}
                  {canEdit && c.status === 'open' && (
                    <>
                      <button type="button" className="link-button" onClick={() => accept.mutate(c.id)}>
                        It is AI
                      </button>
                      <button type="button" className="link-button" onClick={() => dismiss.mutate(c.id)}>
                        Dismiss
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
