import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { DownloadCsvLink } from '../../components/download-csv-link';
import { EmptyState } from '../../components/empty-state';
import { LoadMore } from '../../components/load-more';
import { usePagedList } from '../../components/use-paged-list';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { hasRole, useMe } from '../../lib/session';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

/** Enrolled browsers: health at a glance, revoke, and what one device sent lately. */
export function DevicesPage() {
  const isAdmin = hasRole(useMe().data, ['admin']);
  const client = useQueryClient();
  const devices = usePagedList({
    queryKey: ['devices', 'pages'],
    fetchPage: (cursor) => unwrap(api.api.devices.$get({ query: { cursor } })),
  });
  const [selected, setSelected] = useState<string | null>(null);
  const events = useQuery({
    queryKey: ['devices', selected, 'events'],
    enabled: !!selected,
    queryFn: () =>
      unwrap(api.api.devices[':id'].events.$get({ param: { id: selected! }, query: { limit: '50' } })),
  });
  const revoke = useApiMutation({
    mutationFn: (id: string) => unwrap(api.api.devices[':id'].revoke.$post({ param: { id } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['devices'] }),
    failure: 'Could not revoke',
  });
  const list = devices.items;
  const active = devices.firstPage?.active ?? 0;

  return (
    <section>
      <h1>Devices</h1>
      <p>
        {active} active browser{active === 1 ? '' : 's'} enrolled. Create enrollment tokens on the Settings
        page.
      </p>
      <p className="table-actions">
        <DownloadCsvLink path="/api/devices/export.csv" />
      </p>
      <ApiErrorAlert error={revoke.error} />
      {devices.loaded && list.length === 0 ? (
        <EmptyState
          title="No browser has enrolled yet"
          action={isAdmin && <Link to="/settings">Create an enrollment token</Link>}
        >
          Each browser running the Sightline extension shows here with its health: when it last reported and
          synced its policy. Browsers enroll with a token from Settings, set in the managed browser policy.
        </EmptyState>
      ) : (
        <table>
          <caption>Enrolled browsers</caption>
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Browser</th>
              <th scope="col">Version</th>
              <th scope="col">Last seen</th>
              <th scope="col">Last policy sync</th>
              <th scope="col">Dropped events</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {list.map((d) => (
              <tr key={d.id}>
                <td>
                  <button type="button" className="link-button" onClick={() => setSelected(d.id)}>
                    {d.userLabel ?? d.userKey ?? 'unknown user'}
                  </button>
                </td>
                <td>
                  {d.browser ?? '—'} on {d.platform ?? '—'}
                </td>
                <td>{d.extensionVersion ?? '—'}</td>
                <td>{when(d.lastSeenAt)}</td>
                <td>{when(d.lastPolicySyncAt)}</td>
                <td>{d.droppedEvents}</td>
                <td>
                  {d.revokedAt ? (
                    `revoked ${when(d.revokedAt)}`
                  ) : (
                    <>
                      active
                      {isAdmin && (
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => {
                            if (window.confirm('Revoke this device? It stops sending at once.'))
                              revoke.mutate(d.id);
                          }}
                        >
                          Revoke
                        </button>
                      )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore list={devices} noun="browsers" />
      {selected && events.data?.events.length === 0 && (
        <EmptyState title="No events from this browser">
          Its visits, warnings, pastes and uploads of AI services (metadata only) show here once the extension
          sends them, and until the raw-event retention set in Settings removes them.
        </EmptyState>
      )}
      {selected && events.data?.events.length !== 0 && (
        <table>
          <caption>Latest events from this device (metadata only)</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Kind</th>
              <th scope="col">Service</th>
              <th scope="col">Host</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {(events.data?.events ?? []).map((e) => (
              <tr key={e.clientEventId}>
                <td>{when(e.occurredAt)}</td>
                <td>{e.kind}</td>
                <td>{e.serviceId ?? '—'}</td>
                <td>{e.host}</td>
                <td>
                  {[
                    e.initiatorHost && `from ${e.initiatorHost}`,
                    e.accountHint && `${e.accountHint} account`,
                    e.itemCount !== null && `${e.itemCount} item(s)`,
                    e.bytes !== null && `${e.bytes} bytes`,
                  ]
                    .filter(Boolean)
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
