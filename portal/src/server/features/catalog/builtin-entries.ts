import type { CatalogEntry } from '@sightline/shared/catalog/catalog-schema';
import { conversationalServices } from '@sightline/shared/catalog/data/conversational';

/** The shipped catalog (one import, so the portal follows wherever the catalog keeps its list). */
export const builtinCatalog: readonly CatalogEntry[] = conversationalServices;
