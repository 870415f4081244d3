import type { DbOrTx } from '@sightline/db/client';
import { customCatalogEntry } from '@sightline/db/schema/catalog';
import { type CatalogEntry, catalogEntrySchema } from '@sightline/shared/catalog/catalog-schema';
import { builtinCatalog } from './builtin-entries';

export type LoadedCatalog = {
  /** Built-in entries with the org's custom entries applied (a custom id replaces the built-in one). */
  entries: CatalogEntry[];
  custom: CatalogEntry[];
  byId: ReadonlyMap<string, CatalogEntry>;
};

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
  const byId = new Map<string, CatalogEntry>(builtinCatalog.map((e) => [e.id, e]));
  for (const entry of custom) byId.set(entry.id, entry);
  return { entries: [...byId.values()], custom, byId };
}

/** Whether any catalog rule names this host (or a parent domain of it): such hosts are not candidates. */
export function catalogCoversHost(entries: readonly CatalogEntry[], host: string): boolean {
  const under = (domain: string) => host === domain || host.endsWith(`.${domain}`);
  return entries.some((entry) =>
    entry.rules.some((rule) => {
      switch (rule.kind) {
        case 'domain':
        case 'api-suffix':
          return under(rule.value);
        case 'path':
          return host === rule.host;
        default:
          return host === rule.value;
      }
    }),
  );
}
