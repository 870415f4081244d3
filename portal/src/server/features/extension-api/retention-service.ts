import type { Db } from '@sightline/db/client';
import { orgSettings } from '@sightline/db/schema/org';
import { usageEvent } from '@sightline/db/schema/usage';
import { eq, lt } from 'drizzle-orm';

/**
 * Deletes raw usage events older than the org's retention period. The daily rollups were updated when
 * the events arrived, so the counts stay. Meant for a periodic worker; safe on several instances.
 */
export async function pruneRawEvents(deps: { db: Db; now: Date }): Promise<number> {
  const [settings] = await deps.db
    .select({ days: orgSettings.rawEventRetentionDays })
    .from(orgSettings)
    .where(eq(orgSettings.id, 1));
  if (!settings) return 0;
  const cutoff = new Date(deps.now.getTime() - settings.days * 86_400_000);
  const deleted = await deps.db
    .delete(usageEvent)
    .where(lt(usageEvent.occurredAt, cutoff))
    .returning({ id: usageEvent.id });
  return deleted.length;
}
