import { createHmac } from 'node:crypto';

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
