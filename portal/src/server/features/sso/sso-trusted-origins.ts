import type { DbOrTx } from '@sightline/db/client';
import { ssoProvider } from '@sightline/db/schema/sso';

const SSO_PATH = /^\/api\/auth\/(sign-in\/sso|sso\/callback\/)/;
const ENDPOINT_KEYS = [
  'issuer',
  'authorizationEndpoint',
  'tokenEndpoint',
  'jwksEndpoint',
  'userInfoEndpoint',
];

/**
 * better-auth's trusted origins: the portal's own, and on the SSO sign-in and callback paths also
 * the origins of the providers an admin configured. The SSO plugin fetches a provider's endpoints
 * only from public addresses or trusted origins; an identity provider on the company network (a
 * Keycloak inside the VPN) is reachable because an admin named it, not because anyone can.
 */
export function ssoTrustedOrigins(db: DbOrTx, publicUrl: string) {
  return async (request?: Request): Promise<string[]> => {
    if (!request || !SSO_PATH.test(new URL(request.url).pathname)) return [publicUrl];
    const rows = await db.select({ config: ssoProvider.oidcConfig }).from(ssoProvider);
    const origins = new Set([publicUrl]);
    for (const { config } of rows) {
      const parsed = config ? (JSON.parse(config) as Record<string, unknown>) : {};
      for (const key of ENDPOINT_KEYS) {
        const value = parsed[key];
        if (typeof value === 'string' && URL.canParse(value)) origins.add(new URL(value).origin);
      }
    }
    return [...origins];
  };
}
