import type { CatalogEntry } from '@sightline/shared/catalog/catalog-schema';
import {
  categoryLabels,
  type ServiceCategory,
  serviceCategories,
  serviceCategorySchema,
} from '@sightline/shared/catalog/categories';
import { ruleKey } from '@sightline/shared/catalog/rule-key';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { requestJson } from '../../lib/api';
import { optionOf } from '../../lib/form-fields';
import { hasRole, useMe } from '../../lib/session';
import { CustomEntryForm, type EntryDraft } from './custom-entry-form';
import { UrlTester } from './url-tester';

const PAGE = 50;

export function CatalogPage() {
  const me = useMe().data;
  const canEdit = hasRole(me, ['admin', 'procurement']);
  const client = useQueryClient();
  const catalog = useQuery({
    queryKey: ['catalog'],
    // The browser revalidates with the ETag itself; a 304 reaches us as the cached 200.
    queryFn: () => requestJson<{ entries: CatalogEntry[]; customIds: string[] }>('/api/catalog'),
  });
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState<ServiceCategory | ''>('');
  const [onlyCustom, setOnlyCustom] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const [editing, setEditing] = useState<{ draft: EntryDraft; mode: 'create' | 'update' } | null>(null);

  const customIds = useMemo(() => new Set(catalog.data?.customIds ?? []), [catalog.data]);
  const entries = catalog.data?.entries ?? [];
  const needle = search.trim().toLowerCase();
  const filtered = entries
    .filter((e) => !category || e.category === category)
    .filter((e) => !onlyCustom || customIds.has(e.id))
    .filter(
      (e) =>
        !needle ||
        e.name.toLowerCase().includes(needle) ||
        e.vendor.toLowerCase().includes(needle) ||
        e.rules.some((r) => ruleKey(r).includes(needle)),
    )
    .sort((a, b) => a.name.localeCompare(b.name));

  const refresh = () => client.invalidateQueries({ queryKey: ['catalog'] });
  const remove = async (id: string) => {
    await requestJson(`/api/catalog/custom/${encodeURIComponent(id)}`, { method: 'DELETE' });
    refresh();
  };

  return (
    <section>
      <h1>AI service catalog</h1>
      <p>
        {entries.length} services the extension recognises, {customIds.size} of them your own. Hosts are
        matched exactly or as subdomains, never as substrings.
      </p>
      <UrlTester />
      {editing ? (
        <CustomEntryForm
          draft={editing.draft}
          mode={editing.mode}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            refresh();
          }}
        />
      ) : (
        canEdit && (
          <button type="button" onClick={() => setEditing({ draft: {}, mode: 'create' })}>
            Add a custom entry
          </button>
        )
      )}
      <search className="filters">
        <label>
          Search
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="name, vendor or host"
          />
        </label>
        <label>
          Category
          <select
            value={category}
            onChange={(e) => setCategory(optionOf(serviceCategorySchema, e.target.value) ?? '')}
          >
            <option value="">All categories</option>
            {serviceCategories.map((c) => (
              <option key={c} value={c}>
                {categoryLabels[c]}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={onlyCustom} onChange={(e) => setOnlyCustom(e.target.checked)} />{' '}
          Only our entries
        </label>
      </search>
      {catalog.data && filtered.length === 0 ? (
        onlyCustom && customIds.size === 0 && !needle && !category ? (
          <EmptyState
            title="No entries of your own yet"
            action={
              canEdit && (
                <button type="button" onClick={() => setEditing({ draft: {}, mode: 'create' })}>
                  Add a custom entry
                </button>
              )
            }
          >
            Your own entries add AI services the built-in catalog lacks, or override one of its entries.
          </EmptyState>
        ) : (
          <EmptyState
            title="No service matches"
            action={
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setSearch('');
                  setCategory('');
                  setOnlyCustom(false);
                }}
              >
                Clear the filters
              </button>
            }
          >
            The search looks at names, vendors and hosts. A host the catalog lacks can be added as an entry of
            your own.
          </EmptyState>
        )
      ) : (
        <table>
          <caption>
            {filtered.length} of {entries.length} services
          </caption>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Vendor</th>
              <th scope="col">Category</th>
              <th scope="col">Rules</th>
              {canEdit && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {filtered.slice(0, shown).map((e) => (
              <tr key={e.id}>
                <td>
                  {e.name} {customIds.has(e.id) && <span className="badge">ours</span>}
                  <div className="muted">
                    <code>{e.id}</code>
                  </div>
                </td>
                <td>{e.vendor}</td>
                <td>{categoryLabels[e.category]}</td>
                <td>
                  {e.rules.slice(0, 4).map((r) => (
                    <code key={ruleKey(r)} className="rule">
                      {ruleKey(r)}
                    </code>
                  ))}
                  {e.rules.length > 4 && <span className="muted"> +{e.rules.length - 4} more</span>}
                </td>
                {canEdit && (
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() =>
                        setEditing({ draft: e, mode: customIds.has(e.id) ? 'update' : 'create' })
                      }
                    >
                      {customIds.has(e.id) ? 'Edit' : 'Override'}
                    </button>
                    {customIds.has(e.id) && (
                      <button type="button" className="link-button" onClick={() => remove(e.id)}>
                        Remove
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {filtered.length > shown && (
        <button type="button" className="secondary" onClick={() => setShown(shown + PAGE)}>
          Show more
        </button>
      )}
    </section>
  );
}
