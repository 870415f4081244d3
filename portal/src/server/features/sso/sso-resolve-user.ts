import type { SSOUserResolution, SSOUserResolutionContext, SSOUserResolutionInput } from '@better-auth/sso';
import { type SsoErrorCode, ssoErrorMessages } from '@sightline/shared/auth/sso-api';
import { departmentIn, groupsIn, managerIn, roleFromGroups } from './role-from-groups';
import { currentSsoAttempt } from './sso-attempt';
import { servesEmail } from './sso-provider-settings';

type Found = { id: string; disabled?: unknown } | null;

/**
 * better-auth's SSO plugin calls this on every sign-in, after it has verified the ID token's
 * signature, issuer, audience and lifetime, inside the transaction that will create the session. It
 * refuses what the plugin does not check (the nonce this browser's sign-in was started with, the
 * email's domain) and what the portal decides (a role from the groups, a disabled account), and links
 * an existing staff member by their provider account or email. The decision is kept in the attempt
 * and applied by provisionUser once the user row exists.
 */
export async function resolveSsoUser(
  input: SSOUserResolutionInput,
  { database }: SSOUserResolutionContext,
): Promise<SSOUserResolution> {
  const attempt = currentSsoAttempt();
  if (!attempt?.settings || input.protocol !== 'oidc')
    return refuse('provider_error', 'no sign-in attempt in progress');
  const { settings } = attempt;
  const claims = input.verifiedIdTokenClaims;
  /** A claim of the verified ID token, else of the userinfo answer (the plugin reads that when offered). */
  const claim = (name: string | null) => (name ? (claims[name] ?? input.providerClaims[name]) : undefined);
  const email = input.providerUser.email.trim().toLowerCase();

  if (attempt.expectedNonce === null) return refuse('expired_attempt', 'no nonce stored for this state');
  if (claims.nonce !== attempt.expectedNonce)
    return refuse('nonce_mismatch', 'ID token nonce differs from the one sent');
  if (!servesEmail(settings.domains, email))
    return refuse('wrong_domain', `email outside ${settings.domains.join(', ')}`, email);

  const rule = roleFromGroups(settings.roleRules, groupsIn(claim(settings.groupsClaim)));
  if (!rule) return refuse('no_role', 'in none of the mapped groups', email);

  const linked = (await database.findOne({
    model: 'account',
    where: [
      { field: 'providerId', value: input.providerId },
      { field: 'accountId', value: input.accountKey.accountId },
    ],
  })) as { userId: string } | null;
  const existing = (await database.findOne({
    model: 'user',
    where: linked ? [{ field: 'id', value: linked.userId }] : [{ field: 'email', value: email }],
  })) as Found;
  if (existing?.disabled === true) return refuse('disabled', 'account disabled', email);

  attempt.decision = {
    email,
    role: rule.role,
    group: rule.group,
    department: departmentIn(claim(settings.departmentClaim)),
    manager: managerIn(claim(settings.managerClaim)),
    existingUserId: existing?.id ?? null,
  };
  return existing ? { action: 'link', userId: existing.id, profile: 'preserve' } : { action: 'continue' };

  function refuse(code: SsoErrorCode, why: string, who?: string): SSOUserResolution {
    if (attempt) attempt.refusal = { code, why, ...(who ? { email: who } : {}) };
    return { action: 'reject', code, message: ssoErrorMessages[code] };
  }
}
