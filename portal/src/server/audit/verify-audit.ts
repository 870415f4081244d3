import type { Db } from '@sightline/db/client';
import { auditLog } from '@sightline/db/schema/audit';
import { asc, gt } from 'drizzle-orm';
import { chainHash, GENESIS_HASH } from './audit-chain';

export type AuditVerification =
  | { ok: true; checked: number; lastHash: string }
  | { ok: false; checked: number; firstBrokenSeq: number; reason: string };

const PAGE = 1000;

/** Walks the whole chain in order and names the first entry whose link or hash does not hold. */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(PAGE);
    for (const row of rows) {
      const broken = (reason: string) => ({ ok: false as const, checked, firstBrokenSeq: row.seq, reason });
      if (row.seq !== expectedSeq) return broken(`entry ${expectedSeq} is missing`);
      if (row.prevHash !== prevHash) return broken('its link to the previous entry does not match');
      const { hash, prevHash: _prev, ...body } = row;
      if (chainHash(prevHash, body) !== hash) return broken('its content does not match its hash');
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < PAGE) return { ok: true, checked, lastHash: prevHash };
  }
}
