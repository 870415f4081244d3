import type { CatalogEntry } from '@sightline/shared/catalog/catalog-schema';
import { builtinEntries } from './builtin';
import type { Classification, ServiceMatch } from './classification';
import { compileLookup, type Lookup } from './lookup';
import { extensionIndex } from './site-patterns';

/** The catalog as the worker uses it: built-in entries with the org's custom ones applied. */
export type RuntimeCatalog = {
  entries: readonly CatalogEntry[];
  byId: ReadonlyMap<string, CatalogEntry>;
  extensions: ReadonlyMap<string, CatalogEntry>;
  classifyUrl: (url: string) => Classification;
  /** A sub-resource request's host against the API rules (and site rules: an AI page's own API). */
  classifyRequestHost: (host: string) => ServiceMatch | null;
  looksLikeAi: (host: string) => boolean;
};

let cached: { key: string; catalog: RuntimeCatalog } | null = null;

/** Compiled once per set of custom entries; the per-URL cost does not grow with the catalog. */
export function runtimeCatalog(custom: readonly CatalogEntry[] = []): RuntimeCatalog {
  const key = custom.length === 0 ? '' : JSON.stringify(custom);
  if (cached?.key === key) return cached.catalog;
  const byId = new Map<string, CatalogEntry>(builtinEntries.map((e) => [e.id, e]));
  for (const entry of custom) byId.set(entry.id, entry);
  const entries = [...byId.values()];
  const lookup: Lookup = compileLookup(entries);
  const catalog: RuntimeCatalog = {
    entries,
    byId,
    extensions: extensionIndex(entries),
    classifyUrl: lookup.classifyUrl,
    classifyRequestHost: lookup.classifyRequestHost,
    looksLikeAi: lookup.looksLikeAi,
  };
  cached = { key, catalog };
  return catalog;
}
