import type { DbOrTx } from '@sightline/db/client';
import type { SignInMethod } from '@sightline/shared/auth/sso-api';
import { providerForEmail } from './sso-provider-settings';

/**
 * The sign-in page's first step: an email of a domain a provider serves signs in there; any other
 * keeps its password. Which domains use single sign-on is no secret (the provider's page says as
 * much), and the answer is the same whether or not the person has an account.
 */
export async function signInMethodFor(db: DbOrTx, email: string): Promise<SignInMethod> {
  const provider = await providerForEmail(db, email);
  if (!provider) return { method: 'password' };
  return {
    method: 'sso',
    providerId: provider.providerId,
    label: provider.label,
    passwordsAllowed: !provider.passwordsOff,
  };
}

/** The provider that has switched passwords off for this email's domain, if any. */
export async function passwordsOffBy(db: DbOrTx, email: string) {
  const provider = await providerForEmail(db, email);
  return provider?.passwordsOff ? provider : null;
}
