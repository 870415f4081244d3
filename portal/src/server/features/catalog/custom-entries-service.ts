import type { Db } from '@sightline/db/client';
import { customCatalogEntry } from '@sightline/db/schema/catalog';
import { builtInCatalog } from '@sightline/shared/catalog/catalog';
import type { CatalogEntry } from '@sightline/shared/catalog/catalog-schema';
import { ruleKey } from '@sightline/shared/catalog/rule-key';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';
import { AppError } from '../../errors';
import { loadCatalog } from './catalog-source';

/**
 * Rules another service already claims. Two services claiming one host would make classification
 * depend on load order, so a custom entry may only take over a rule by replacing that entry's id.
 */
export function conflictingRules(entry: CatalogEntry, others: readonly CatalogEntry[]): string[] {
  const claimed = new Map<string, string>();
  for (const other of others) {
    if (other.id === entry.id) continue;
    for (const rule of other.rules) claimed.set(ruleKey(rule), other.id);
  }
  return entry.rules.flatMap((rule) => {
    const owner = claimed.get(ruleKey(rule));
    return owner ? [`${ruleKey(rule)} (claimed by ${owner})`] : [];
  });
}

/** Adds or replaces an org entry. A custom id equal to a built-in id overrides the built-in entry. */
export async function saveCustomEntry(
  deps: { db: Db; now: Date },
  actor: Actor & { type: 'staff' },
  entry: CatalogEntry,
  mode: 'create' | 'update',
): Promise<CatalogEntry> {
  const catalog = await loadCatalog(deps.db);
  const existsAsCustom = catalog.custom.some((e) => e.id === entry.id);
  if (mode === 'create' && existsAsCustom)
    throw new AppError('conflict', `A custom entry "${entry.id}" already exists`);
  if (mode === 'update' && !existsAsCustom) throw new AppError('not_found', `No custom entry "${entry.id}"`);
  const conflicts = conflictingRules(entry, catalog.entries);
  if (conflicts.length > 0) {
    throw new AppError('conflict', `These rules belong to another service: ${conflicts.join(', ')}`, {
      conflicts,
    });
  }
  const overridesBuiltIn = builtInCatalog.some((e) => e.id === entry.id);
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(customCatalogEntry)
      .values({ id: entry.id, entry, createdBy: actor.user.id, createdAt: deps.now, updatedAt: deps.now })
      .onConflictDoUpdate({ target: customCatalogEntry.id, set: { entry, updatedAt: deps.now } });
    await recordAudit(tx, {
      actor,
      action: mode === 'create' ? 'catalog.custom_entry_created' : 'catalog.custom_entry_updated',
      targetType: 'catalog_entry',
      targetId: entry.id,
      details: { name: entry.name, rules: entry.rules.map(ruleKey), overridesBuiltIn },
      at: deps.now,
    });
  });
  return entry;
}

export async function deleteCustomEntry(
  deps: { db: Db; now: Date },
  actor: Actor & { type: 'staff' },
  id: string,
) {
  await deps.db.transaction(async (tx) => {
    const removed = await tx
      .delete(customCatalogEntry)
      .where(eq(customCatalogEntry.id, id))
      .returning({ id: customCatalogEntry.id });
    if (removed.length === 0) throw new AppError('not_found', `No custom entry "${id}"`);
    await recordAudit(tx, {
      actor,
      action: 'catalog.custom_entry_deleted',
      targetType: 'catalog_entry',
      targetId: id,
      at: deps.now,
    });
  });
}
