import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';
import { ApiErrorAlert } from '../../lib/api-error-alert';
import { useApiMutation } from '../../lib/api-mutation';
import { vendorKey } from './vendor-queries';

type CatalogEntry = { id: string; name: string; vendor: string };

export function useCatalogEntries() {
  return useQuery({
    queryKey: ['catalog-entries'],
    queryFn: async (): Promise<CatalogEntry[]> => {
      const body = (await unwrap(api.api.catalog.$get())) as { entries?: CatalogEntry[] };
      return body.entries ?? [];
    },
    staleTime: 5 * 60_000,
  });
}

/** Suggestions for service-id fields: every catalog entry, labelled with its product and vendor. */
export function CatalogDatalist({ id }: { id: string }) {
  const catalog = useCatalogEntries();
  return (
    <datalist id={id}>
      {catalog.data?.map((e) => (
        <option key={e.id} value={e.id}>
          {e.name} ({e.vendor})
        </option>
      ))}
    </datalist>
  );
}

const plain = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Catalog services whose vendor name matches this vendor's and that are not linked yet. */
export function CatalogSuggestions({
  vendorId,
  vendorName,
  linked,
}: {
  vendorId: string;
  vendorName: string;
  linked: string[];
}) {
  const client = useQueryClient();
  const catalog = useCatalogEntries();
  const link = useApiMutation({
    mutationFn: (serviceId: string) =>
      unwrap(
        api.api.vendors[':id'].$patch({
          param: { id: vendorId },
          json: { services: [...linked, serviceId] },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: vendorKey(vendorId) }),
    failure: 'Could not link the service',
  });
  const name = plain(vendorName);
  const suggestions = (catalog.data ?? []).filter((e) => {
    const v = plain(e.vendor);
    return v.length >= 3 && (name.startsWith(v) || v.startsWith(name)) && !linked.includes(e.id);
  });
  if (suggestions.length === 0) return null;
  return (
    <div className="card">
      <h2>In the catalog from this vendor</h2>
      <ul>
        {suggestions.slice(0, 20).map((e) => (
          <li key={e.id}>
            {e.name} <code>{e.id}</code>{' '}
            <button
              type="button"
              className="link-button"
              disabled={link.isPending}
              onClick={() => link.mutate(e.id)}
            >
              Link<span className="visually-hidden"> {e.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <ApiErrorAlert error={link.error} />
    </div>
  );
}
