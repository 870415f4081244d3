import { createHash, createHmac, randomBytes } from 'node:crypto';

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A device credential or an enrollment token: 32 random bytes, base64url (43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The user key stored with a device and its events. Pseudonymised: an HMAC of the normalised hint
 * under the org's secret, stable across devices of one person but not reversible without the secret.
 */
export function userKeyFor(hint: string | undefined, pseudonymise: boolean, secret: string): string | null {
  if (!hint) return null;
  const normalised = hint.trim().toLowerCase();
  if (!pseudonymise) return normalised;
  return `p_${createHmac('sha256', secret).update(normalised).digest('hex').slice(0, 24)}`;
}
