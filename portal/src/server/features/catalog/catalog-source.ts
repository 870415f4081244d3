import type { DbOrTx } from '@sightline/db/client';
import { customCatalogEntry } from '@sightline/db/schema/catalog';
import { builtInCatalog } from '@sightline/shared/catalog/catalog';
import { type CatalogEntry, catalogEntrySchema } from '@sightline/shared/catalog/catalog-schema';
import { classifyHost } from '@sightline/shared/catalog/classify-url';
import { type CompiledCatalog, compileCatalog } from '@sightline/shared/catalog/compile-catalog';

export type LoadedCatalog = {
  /** Built-in entries with the org's custom entries applied (a custom id replaces the built-in one). */
  entries: CatalogEntry[];
  custom: CatalogEntry[];
  byId: ReadonlyMap<string, CatalogEntry>;
  compiled: CompiledCatalog;
};

let cached: { key: string; compiled: CompiledCatalog } | null = null;

/** The catalog the portal serves: shipped entries plus the org's own, invalid stored rows skipped. */
export async function loadCatalog(db: DbOrTx): Promise<LoadedCatalog> {
  const rows = await db
    .select({ id: customCatalogEntry.id, entry: customCatalogEntry.entry })
    .from(customCatalogEntry)
    .orderBy(customCatalogEntry.id);
  const custom: CatalogEntry[] = [];
  for (const row of rows) {
    const parsed = catalogEntrySchema.safeParse(row.entry);
    if (parsed.success) custom.push(parsed.data);
  }
  const key = JSON.stringify(custom);
  if (cached?.key !== key) cached = { key, compiled: compileCatalog(builtInCatalog, custom) };
  const compiled = cached.compiled;
  return { entries: [...compiled.services.values()], custom, byId: compiled.services, compiled };
}

/** Whether the catalog names this host (a site or an API host, or a parent domain): such hosts are not candidates. */
export function catalogCoversHost(catalog: LoadedCatalog, host: string): boolean {
  return classifyHost(catalog.compiled, host, { includeSites: true }).serviceId !== null;
}
