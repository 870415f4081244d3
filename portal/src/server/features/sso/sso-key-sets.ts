import { createRemoteJWKSet, customFetch, type RemoteJWKSet } from 'jose';

/** What the SSO plugin asks for when it verifies an ID token (the `jwksFor` hook of our patch). */
export type KeySetRequest = {
  issuer: string;
  jwksEndpoint: string;
  /** The plugin's fetch for this request: it applies the plugin's endpoint checks (no redirects, trusted hosts). */
  fetch: (url: string, init: RequestInit) => Promise<Response>;
};

type Entry = { jwksEndpoint: string; keys: RemoteJWKSet; latest: { fetch: KeySetRequest['fetch'] } };

/** A cached key set is fetched again after this long, so a key the provider withdrew stops verifying. */
export const KEY_SET_MAX_AGE_MS = 10 * 60_000;

/**
 * One remote key set per issuer, kept between sign-ins (jose's createRemoteJWKSet): the provider's
 * JWKS is fetched at the first sign-in, again once the copy is older than KEY_SET_MAX_AGE_MS, and at
 * once when an ID token names a key id the copy lacks (the provider rotated). jose's cooldown between
 * such refetches is off: ID tokens reach the portal only from the provider's token endpoint, in
 * exchange for a code issued to this client, so an unknown key id is a rotation rather than an
 * outsider's probe, and sign-ins arriving together share one fetch. A new JWKS endpoint for an issuer
 * (discovery found it moved) starts a new key set.
 */
export function createKeySetCache(maxAgeMs = KEY_SET_MAX_AGE_MS) {
  const byIssuer = new Map<string, Entry>();
  return function keySetFor(request: KeySetRequest): RemoteJWKSet {
    let entry = byIssuer.get(request.issuer);
    if (!entry || entry.jwksEndpoint !== request.jwksEndpoint) {
      const latest = { fetch: request.fetch };
      const keys = createRemoteJWKSet(new URL(request.jwksEndpoint), {
        cooldownDuration: 0,
        cacheMaxAge: maxAgeMs,
        // A refetch goes through the fetch of the sign-in that needs it, with that request's checks.
        [customFetch]: (url, init) => latest.fetch(url, init),
      });
      entry = { jwksEndpoint: request.jwksEndpoint, keys, latest };
      byIssuer.set(request.issuer, entry);
    }
    entry.latest.fetch = request.fetch;
    return entry.keys;
  };
}
