import { type Db, withoutStatementTimeout } from '@sightline/db/client';
import { orgSettings } from '@sightline/db/schema/org';
import { usageEvent } from '@sightline/db/schema/usage';
import { eq, lt } from 'drizzle-orm';
import { dropMonthsBefore } from './event-partitions';

/**
 * Removes raw usage events older than the org's retention period: whole months by dropping their
 * partitions, the rest (the month the cutoff falls in, and the default partition) row by row. The
 * daily rollups were updated when the events arrived, so the counts stay. Meant for a periodic worker;
 * safe on several instances. Returns how many raw events went.
 */
export async function pruneRawEvents(deps: { db: Db; now: Date }): Promise<number> {
  const [settings] = await deps.db
    .select({ days: orgSettings.rawEventRetentionDays })
    .from(orgSettings)
    .where(eq(orgSettings.id, 1));
  if (!settings) return 0;
  const cutoff = new Date(deps.now.getTime() - settings.days * 86_400_000);
  const dropped = await dropMonthsBefore(deps.db, cutoff);
  // Up to a month of events row by row: longer than a request's statement timeout may allow.
  const deleted = await withoutStatementTimeout(deps.db, (tx) =>
    tx.delete(usageEvent).where(lt(usageEvent.occurredAt, cutoff)).returning({ id: usageEvent.id }),
  );
  return dropped + deleted.length;
}
