import { createHash } from 'node:crypto';
import { canonicalJson } from '@sightline/shared/audit/canonical-json';

/** The fields covered by an entry's hash. */
export type AuditEntryBody = {
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
};

export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 over the previous hash and the canonical serialisation of the entry. */
export function chainHash(prevHash: string, entry: AuditEntryBody): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(entry)).digest('hex');
}
