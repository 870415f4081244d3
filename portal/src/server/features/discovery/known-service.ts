import type { Db } from '@sightline/db/client';
import { usageDaily } from '@sightline/db/schema/usage';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors';
import type { LoadedCatalog } from '../catalog/catalog-source';

/**
 * A service page exists for every catalog entry and for any service id the usage has seen (a custom
 * entry since removed, say); anything else is a 404. One row of usage_daily is enough to know.
 */
export async function ensureServiceKnown(db: Db, catalog: LoadedCatalog, serviceId: string): Promise<void> {
  if (catalog.byId.has(serviceId)) return;
  const seen = await db
    .select({ day: usageDaily.day })
    .from(usageDaily)
    .where(eq(usageDaily.serviceId, serviceId))
    .limit(1);
  if (seen.length === 0)
    throw new AppError('not_found', 'No service with this id in the catalog or in the usage');
}
