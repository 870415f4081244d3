import type { DbOrTx } from '@sightline/db/client';
import { auditLog } from '@sightline/db/schema/audit';
import { desc, sql } from 'drizzle-orm';
import type { Actor } from '../context';
import { chainHash, GENESIS_HASH } from './audit-chain';

/** Serialises appends across transactions and portal instances so the chain never forks. */
const AUDIT_LOCK_KEY = 7_100_042;

export type AuditInput = {
  actor: Actor;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
  at?: Date;
};

/**
 * Appends one entry to the hash chain. Call it inside the transaction that makes the change, so the
 * change and its record commit (or roll back) together. Called with the database itself, it opens a
 * transaction of its own: outside one, the advisory lock would end with its own statement and two
 * concurrent appends could take the same sequence number.
 */
export async function recordAudit(db: DbOrTx, input: AuditInput): Promise<void> {
  await db.transaction((tx) => appendEntry(tx, input));
}

async function appendEntry(tx: DbOrTx, input: AuditInput): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const body = {
    seq: (last?.seq ?? 0) + 1,
    at: (input.at ?? new Date()).toISOString(),
    ...actorFields(input.actor),
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    details: input.details ?? {},
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditLog).values({ ...body, prevHash, hash: chainHash(prevHash, body) });
}

function actorFields(actor: Actor): { actorType: string; actorId: string | null; actorLabel: string | null } {
  switch (actor.type) {
    case 'staff':
      return { actorType: 'staff', actorId: actor.user.id, actorLabel: actor.user.email };
    case 'device':
      return { actorType: 'device', actorId: actor.deviceId, actorLabel: null };
    case 'vendor':
      return { actorType: 'vendor', actorId: actor.tokenId, actorLabel: `assessment ${actor.assessmentId}` };
    default:
      return { actorType: actor.type, actorId: null, actorLabel: null };
  }
}
