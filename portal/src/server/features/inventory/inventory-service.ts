import type { DbOrTx } from '@sightline/db/client';
import { aiSystem } from '@sightline/db/schema/inventory';
import { utcDay } from '@sightline/shared/assessments/dates';
import type { CreateAiSystemInput, UpdateAiSystemInput } from '@sightline/shared/inventory/inventory-api';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor, ServiceDeps } from '../../context';
import { AppError } from '../../errors';
import { loadCatalog } from '../catalog/catalog-source';
import { getSystem } from './inventory-queries';

export type InventoryDeps = Pick<ServiceDeps, 'db' | 'now'>;

/** Related services must be catalog services (built-in or the org's own). */
export async function checkServiceIds(tx: DbOrTx, serviceIds: readonly string[]): Promise<void> {
  if (serviceIds.length === 0) return;
  const catalog = await loadCatalog(tx);
  const unknown = serviceIds.filter((id) => !catalog.byId.has(id));
  if (unknown.length) throw new AppError('bad_request', `Not a catalog service: ${unknown.join(', ')}`);
}

/** Systems the organisation builds itself, or bought ones entered by hand; suppliers are linked after. */
export async function createSystem(deps: InventoryDeps, actor: Actor, input: CreateAiSystemInput) {
  const { now } = deps;
  const id = await deps.db.transaction(async (tx) => {
    const serviceIds = [...new Set(input.serviceIds)];
    await checkServiceIds(tx, serviceIds);
    const values = { ...input, serviceIds, dataCategories: [...new Set(input.dataCategories)] };
    const [row] = await tx
      .insert(aiSystem)
      .values({
        ...values,
        createdBy: actor.type === 'staff' ? actor.user.id : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: aiSystem.id });
    await recordAudit(tx, {
      actor,
      action: 'ai_system.created',
      targetType: 'ai_system',
      targetId: row!.id,
      details: values,
      at: now,
    });
    return row!.id;
  });
  return getSystem(deps.db, id, utcDay(now));
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Changes the named fields; the history records each one with its old and new value. */
export async function updateSystem(
  deps: InventoryDeps,
  actor: Actor,
  id: string,
  input: UpdateAiSystemInput,
) {
  const { now } = deps;
  await deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(aiSystem).where(eq(aiSystem.id, id)).for('update');
    if (!before) throw new AppError('not_found', 'No AI system with this id');
    const next = {
      ...input,
      ...(input.serviceIds ? { serviceIds: [...new Set(input.serviceIds)] } : {}),
      ...(input.dataCategories ? { dataCategories: [...new Set(input.dataCategories)] } : {}),
    };
    if (next.serviceIds) await checkServiceIds(tx, next.serviceIds);
    const decides = next.decisionsAboutPeople ?? before.decisionsAboutPeople;
    const description =
      next.decisionsDescription !== undefined ? next.decisionsDescription : before.decisionsDescription;
    if (decides && !description) {
      throw new AppError('bad_request', 'Say which decisions about people it makes or shapes');
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, value] of Object.entries(next)) {
      const old = before[key as keyof typeof before];
      if (!sameValue(old, value)) changes[key] = { from: old, to: value };
    }
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(aiSystem)
      .set({ ...next, updatedAt: now })
      .where(eq(aiSystem.id, id));
    await recordAudit(tx, {
      actor,
      action: 'ai_system.updated',
      targetType: 'ai_system',
      targetId: id,
      details: changes,
      at: now,
    });
  });
  return getSystem(deps.db, id, utcDay(now));
}
