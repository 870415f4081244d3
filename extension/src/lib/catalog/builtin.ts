import type { CatalogEntry } from '@sightline/shared/catalog/catalog-schema';
import { conversationalServices } from '@sightline/shared/catalog/data/conversational';

/** The catalog shipped with the extension. */
export const builtinEntries: readonly CatalogEntry[] = conversationalServices;
