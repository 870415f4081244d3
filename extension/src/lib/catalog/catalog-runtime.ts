import { looksLikeAiHost } from '@sightline/shared/catalog/ai-host-heuristic';
import type { CatalogEntry } from '@sightline/shared/catalog/catalog-schema';
import {
  type Classification,
  isServiceMatch,
  type ServiceMatch,
} from '@sightline/shared/catalog/classification';
import { classifyHost, classifyUrl } from '@sightline/shared/catalog/classify-url';
import { type CompiledCatalog, compileCatalog } from '@sightline/shared/catalog/compile-catalog';
import { builtinEntries } from './builtin';

/** The catalog as the worker uses it: built-in entries with the org's custom ones applied. */
export type RuntimeCatalog = {
  entries: readonly CatalogEntry[];
  byId: ReadonlyMap<string, CatalogEntry>;
  extensions: ReadonlyMap<string, CatalogEntry>;
  /** Ids of the org's own entries (added or overriding a built-in). */
  customIds: ReadonlySet<string>;
  classifyUrl: (url: string) => Classification;
  /** A sub-resource request's host against the catalog's API rules. */
  classifyRequestHost: (host: string) => ServiceMatch | null;
  looksLikeAi: (host: string) => boolean;
};

let cached: { key: string; catalog: RuntimeCatalog } | null = null;

/** Compiled once per set of custom entries; the per-URL cost does not grow with the catalog. */
export function runtimeCatalog(custom: readonly CatalogEntry[] = []): RuntimeCatalog {
  const key = custom.length === 0 ? '' : JSON.stringify(custom);
  if (cached?.key === key) return cached.catalog;
  const compiled: CompiledCatalog = compileCatalog(builtinEntries, custom);
  const catalog: RuntimeCatalog = {
    entries: [...compiled.services.values()],
    byId: compiled.services,
    extensions: compiled.extensions,
    customIds: new Set(custom.map((e) => e.id)),
    classifyUrl: (url) => classifyUrl(compiled, url),
    classifyRequestHost: (host) => {
      const hit = classifyHost(compiled, host);
      return isServiceMatch(hit) ? hit : null;
    },
    looksLikeAi: looksLikeAiHost,
  };
  cached = { key, catalog };
  return catalog;
}
