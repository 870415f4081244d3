import type { DbOrTx } from '@sightline/db/client';
import { findingEvent } from '@sightline/db/schema/findings';
import type { FindingStatus } from '@sightline/shared/findings/finding-states';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';

export type FindingChange = {
  findingId: string;
  /** Short verb for the history and the audit action (`finding.<action>`). */
  action: string;
  fromStatus?: FindingStatus | null;
  toStatus?: FindingStatus | null;
  note?: string | null;
  details?: Record<string, unknown>;
};

/**
 * Every change to a finding leaves two records in the caller's transaction: a line in the finding's
 * own history (what its page shows) and an entry in the hash-chained audit trail.
 */
export async function recordFindingChange(tx: DbOrTx, actor: Actor, change: FindingChange, at: Date) {
  await tx.insert(findingEvent).values({
    findingId: change.findingId,
    action: change.action,
    fromStatus: change.fromStatus ?? null,
    toStatus: change.toStatus ?? null,
    note: change.note ?? null,
    actorId: actor.type === 'staff' ? actor.user.id : null,
    at,
  });
  await recordAudit(tx, {
    actor,
    action: `finding.${change.action}`,
    targetType: 'finding',
    targetId: change.findingId,
    details: {
      ...(change.fromStatus !== undefined ? { from: change.fromStatus } : {}),
      ...(change.toStatus !== undefined ? { to: change.toStatus } : {}),
      ...(change.note ? { note: change.note } : {}),
      ...change.details,
    },
    at,
  });
}
