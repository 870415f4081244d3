import type { DbOrTx } from '@sightline/db/client';
import { usageRollupDelta } from '@sightline/db/schema/usage';
import type { Increment } from '../extension-api/rollup';
import type { RollupIdentity } from './rollup-identities';

/**
 * Adds a batch's per (day, service) increments to the fleet-wide rollups as plain appended rows, in
 * the ingest transaction (stored with the events or not at all). No row is shared with another
 * browser's batch, so concurrent batches never wait for each other here.
 */
export async function appendRollupDelta(
  tx: DbOrTx,
  identity: RollupIdentity,
  increments: readonly Increment[],
): Promise<void> {
  if (increments.length === 0) return;
  await tx.insert(usageRollupDelta).values(increments.map((i) => ({ ...i, ...identity })));
}
