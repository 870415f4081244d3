import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { LoadMore } from '../../components/load-more';
import { usePagedList } from '../../components/use-paged-list';
import { api, requestJson, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { hasRole, useMe } from '../../lib/session';
import { CustomEntryForm, type EntryDraft } from './custom-entry-form';

/** A kebab id proposal from a host: `chat.example.ai` → `example-ai`. */
function idFromHost(host: string): string {
  const labels = host.split('.');
  return (
    labels
      .slice(-2)
      .join('-')
      .replace(/[^a-z0-9-]/g, '') || 'custom-service'
  );
}

type Decision = { id: string; decision: 'accept' | 'dismiss'; catalogEntryId?: string };

export function CandidatesPage() {
  const me = useMe().data;
  const canDecide = hasRole(me, ['admin', 'procurement']);
  const client = useQueryClient();
  const waiting = usePagedList({
    queryKey: ['candidates', 'open'],
    fetchPage: (cursor) => unwrap(api.api.candidates.$get({ query: { status: 'open', cursor } })),
  });
  const decidedList = usePagedList({
    queryKey: ['candidates', 'decided'],
    fetchPage: (cursor) => unwrap(api.api.candidates.$get({ query: { status: 'decided', cursor } })),
  });
  const [accepting, setAccepting] = useState<{ id: string; draft: EntryDraft } | null>(null);
  const refresh = () => {
    client.invalidateQueries({ queryKey: ['candidates'] });
    client.invalidateQueries({ queryKey: ['catalog'] });
  };
  const decisionMutation = useApiMutation({
    mutationFn: ({ id, decision, catalogEntryId }: Decision) =>
      requestJson(`/api/candidates/${id}/${decision}`, {
        method: 'POST',
        body: JSON.stringify(catalogEntryId ? { catalogEntryId } : {}),
      }),
    failure: 'Could not record the decision',
    onSuccess: refresh,
  });
  const decide = (id: string, decision: Decision['decision'], catalogEntryId?: string) =>
    decisionMutation.mutateAsync({ id, decision, catalogEntryId }).catch(() => undefined);

  const open = waiting.items;
  const decided = decidedList.items;
  return (
    <section>
      <h1>Unknown AI candidates</h1>
      <p>
        Hosts that looked like AI services to the extension but are not in the catalog. They never trigger a
        warning; add them to the catalog to bring them under policy, or dismiss them.
      </p>
      <ApiErrorAlert error={decisionMutation.error} />
      {accepting && (
        <CustomEntryForm
          key={accepting.id}
          draft={accepting.draft}
          mode="create"
          onCancel={() => setAccepting(null)}
          onSaved={async (entry) => {
            await decide(accepting.id, 'accept', entry.id);
            setAccepting(null);
          }}
        />
      )}
      {waiting.loaded && open.length === 0 ? (
        <EmptyState title="No unknown AI hosts waiting">
          When a browser visits a host that looks like an AI service but is not in the catalog, it lands here
          to be added to the catalog or dismissed. Nothing needs a decision now.
        </EmptyState>
      ) : (
        <table>
          <caption>Waiting for a decision</caption>
          <thead>
            <tr>
              <th scope="col">Host</th>
              <th scope="col">Why it looked like AI</th>
              <th scope="col">Devices</th>
              <th scope="col">Last seen</th>
              {canDecide && <th scope="col">Decide</th>}
            </tr>
          </thead>
          <tbody>
            {open.map((c) => (
              <tr key={c.id}>
                <td>
                  <code>{c.host}</code>
                </td>
                <td>{c.signals.join(', ')}</td>
                <td>{c.deviceCount}</td>
                <td>{new Date(c.lastSeenAt).toLocaleString()}</td>
                {canDecide && (
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() =>
                        setAccepting({
                          id: c.id,
                          draft: {
                            id: idFromHost(c.host),
                            name: c.host,
                            vendor: c.host,
                            website: `https://${c.host}`,
                            category: 'other',
                            rules: [{ kind: 'domain', value: c.host }],
                          },
                        })
                      }
                    >
                      Add to catalog
                    </button>
                    <button type="button" className="link-button" onClick={() => decide(c.id, 'dismiss')}>
                      Dismiss
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore list={waiting} noun="waiting hosts" />
      {decided.length > 0 && (
        <table>
          <caption>Decided</caption>
          <thead>
            <tr>
              <th scope="col">Host</th>
              <th scope="col">Decision</th>
              <th scope="col">Catalog entry</th>
            </tr>
          </thead>
          <tbody>
            {decided.map((c) => (
              <tr key={c.id}>
                <td>
                  <code>{c.host}</code>
                </td>
                <td>{c.status}</td>
                <td>{c.catalogEntryId ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {decided.length > 0 && <LoadMore list={decidedList} noun="decided hosts" />}
    </section>
  );
}
