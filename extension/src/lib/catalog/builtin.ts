import { builtInCatalog } from '@sightline/shared/catalog/catalog';
import type { CatalogEntry } from '@sightline/shared/catalog/catalog-schema';

/** The catalog shipped with the extension. */
export const builtinEntries: readonly CatalogEntry[] = builtInCatalog;
