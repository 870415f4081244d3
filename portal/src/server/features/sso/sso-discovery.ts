import { discoverOIDCConfig } from '@better-auth/sso';

/** What the portal keeps of a provider's discovery document, in the plugin's `oidc_config` names. */
export type DiscoveredEndpoints = {
  issuer: string;
  discoveryEndpoint: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksEndpoint: string;
  userInfoEndpoint: string | undefined;
  tokenEndpointAuthentication: string | undefined;
};

export const endpointFields = [
  'discoveryEndpoint',
  'authorizationEndpoint',
  'tokenEndpoint',
  'jwksEndpoint',
  'userInfoEndpoint',
  'tokenEndpointAuthentication',
] as const;

/**
 * Reads an issuer's discovery document through the plugin (which checks that it names this issuer
 * and has the required endpoints). A private address is allowed: an admin named the issuer. Throws
 * the plugin's DiscoveryError with the reason.
 */
export async function discoverEndpoints(issuer: string): Promise<DiscoveredEndpoints> {
  const found = await discoverOIDCConfig({ issuer, isTrustedOrigin: () => true });
  return {
    issuer: found.issuer,
    discoveryEndpoint: found.discoveryEndpoint,
    authorizationEndpoint: found.authorizationEndpoint,
    tokenEndpoint: found.tokenEndpoint,
    jwksEndpoint: found.jwksEndpoint,
    userInfoEndpoint: found.userInfoEndpoint,
    tokenEndpointAuthentication: found.tokenEndpointAuthentication,
  };
}
