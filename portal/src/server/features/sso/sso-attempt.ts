import { AsyncLocalStorage } from 'node:async_hooks';
import type { SsoErrorCode } from '@sightline/shared/auth/sso-api';
import type { SsoProviderSettings } from './sso-provider-settings';

/**
 * What one single sign-on callback carries between the portal's wrapper around better-auth's
 * callback endpoint and the plugin's hooks it calls on the way (resolveUser, provisionUser, the
 * logger): the provider's settings, the nonce this browser's sign-in was started with, and what
 * happened, for the audit trail and the message the person sees.
 */
export type SsoAttempt = {
  providerId: string;
  settings: SsoProviderSettings | null;
  /** The nonce sent in this sign-in's authorization request; null when unknown or already used. */
  expectedNonce: string | null;
  /** Set by resolveUser when it refuses. */
  refusal?: { code: SsoErrorCode; why: string; email?: string };
  /** The ID token check that failed (a jose error code and claim), caught from better-auth's log. */
  tokenProblem?: string;
  /** The decision resolveUser took, applied after the session exists. */
  decision?: {
    email: string;
    role: SsoProviderSettings['roleRules'][number]['role'];
    group: string;
    department: string | null;
    /** The manager's email from the manager claim, when the provider gives one. */
    manager: string | null;
    existingUserId: string | null;
  };
  signedIn?: { userId: string };
};

const storage = new AsyncLocalStorage<SsoAttempt>();

export function runSsoAttempt<T>(attempt: SsoAttempt, work: () => Promise<T>): Promise<T> {
  return storage.run(attempt, work);
}

export function currentSsoAttempt(): SsoAttempt | undefined {
  return storage.getStore();
}

/**
 * better-auth logs why an ID token failed verification (jose's error) and then only says
 * "token_not_verified"; keeping the error's code tells the audit trail whether it was the
 * signature, the audience, the expiry or the issuer.
 */
export function noteTokenProblem(values: readonly unknown[]): void {
  const attempt = storage.getStore();
  if (!attempt || attempt.tokenProblem) return;
  for (const value of values) {
    if (!(value instanceof Error)) continue;
    const { code, claim } = value as Error & { code?: unknown; claim?: unknown };
    if (typeof code === 'string' && code.startsWith('ERR_J')) {
      attempt.tokenProblem = typeof claim === 'string' ? `${code} (${claim})` : code;
      return;
    }
  }
}
