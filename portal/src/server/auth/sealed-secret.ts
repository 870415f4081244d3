import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const PREFIX = 'sealed:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type SecretBox = {
  /** Encrypts `plain`; `context` (such as the row it belongs to) must be given again to open it. */
  seal: (plain: string, context: string) => string;
  open: (sealed: string, context: string) => string;
};

/**
 * AES-256-GCM with a key derived (HKDF-SHA256) from the portal's secret for one purpose, so the key
 * that seals OIDC client secrets is not the one that signs cookies. The context is authenticated
 * data: a sealed value copied to another row does not open there. Changing the secret makes stored
 * values unreadable; they must be entered again.
 */
export function secretBox(keyMaterial: string, purpose: string): SecretBox {
  const key = Buffer.from(hkdfSync('sha256', keyMaterial, 'sightline', purpose, 32));
  return {
    seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${PREFIX}${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    open(sealed, context) {
      if (!isSealed(sealed)) throw new Error('Not a sealed value');
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/** The box for OIDC client secrets, keyed from AUTH_SECRET. */
export function ssoSecretBox(authSecret: string): SecretBox {
  return secretBox(authSecret, 'oidc-client-secret/v1');
}
