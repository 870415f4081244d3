import type { CatalogEntry } from '@sightline/shared/catalog/catalog-schema';
import { local } from '../state/local-state';
import { type RuntimeCatalog, runtimeCatalog } from './catalog-runtime';

/**
 * The org's custom entries, read from storage once per worker life and dropped when the stored policy
 * changes (the worker's storage listener calls `forgetCurrentCatalog`). Storage stays the source of
 * truth; this only spares ordinary navigations a storage read.
 */
let custom: readonly CatalogEntry[] | null = null;

export async function currentCatalog(): Promise<RuntimeCatalog> {
  custom ??= (await local.policy.get())?.doc.customEntries ?? [];
  return runtimeCatalog(custom);
}

export function forgetCurrentCatalog(): void {
  custom = null;
}
