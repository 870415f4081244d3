import { createPrivateKey, generateKeyPairSync, type JsonWebKey, randomUUID, sign } from 'node:crypto';

/** What the token endpoint's answer becomes on its way to the portal (a man in the middle, for tests). */
export type Tamper =
  | 'none'
  | 'bad-signature'
  | 'wrong-audience'
  | 'expired'
  | 'replay'
  | { expiredBySeconds: number };

export type SigningKey = JsonWebKey & { kid: string; alg: 'RS256'; use: 'sig' };

export function newSigningKey(): SigningKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Signs a JWT with RS256 the way the provider does; a test re-signs altered claims with it. */
function signJwt(header: Record<string, unknown>, payload: Record<string, unknown>, key: SigningKey): string {
  const data = `${b64(header)}.${b64(payload)}`;
  const signature = sign('sha256', Buffer.from(data), createPrivateKey({ key, format: 'jwk' }));
  return `${data}.${signature.toString('base64url')}`;
}

function decode(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header, payload] = token
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
  return { header, payload };
}

/**
 * An ID token as the tampering proxy passes it on: unchanged, signed with a key the provider never
 * published, re-signed for another audience or as expired, or swapped for the one issued before it.
 */
export function alterIdToken(
  token: string,
  mode: Tamper,
  key: SigningKey,
  previous: string | undefined,
): string {
  if (mode === 'none') return token;
  const { header, payload } = decode(token);
  const now = Math.floor(Date.now() / 1000);
  if (mode === 'bad-signature')
    return signJwt(header, payload, { ...newSigningKey(), kid: String(header.kid) });
  if (mode === 'wrong-audience') return signJwt(header, { ...payload, aud: 'another-client' }, key);
  if (mode === 'expired') return signJwt(header, { ...payload, iat: now - 7200, exp: now - 3600 }, key);
  if (mode === 'replay') return previous ?? token;
  return signJwt(header, { ...payload, exp: now - mode.expiredBySeconds }, key);
}
