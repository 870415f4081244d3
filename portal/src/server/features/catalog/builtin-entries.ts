import { builtInCatalog } from '@sightline/shared/catalog/catalog';
import type { CatalogEntry } from '@sightline/shared/catalog/catalog-schema';

/** The shipped catalog (one import, so the portal follows wherever the catalog keeps its list). */
export const builtinCatalog: readonly CatalogEntry[] = builtInCatalog;
