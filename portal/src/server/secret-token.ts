import { createHash, randomBytes } from 'node:crypto';

/**
 * Every bearer secret the portal hands out (invitations, enrollment tokens, device credentials, vendor
 * links): 32 random bytes (256 bits), base64url, 43 characters.
 */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored instead of a secret, and the ETag digest: SHA-256 in hex. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
