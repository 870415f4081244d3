import { session, user } from '@sightline/db/schema/auth';
import { type SsoErrorCode, ssoErrorCodes } from '@sightline/shared/auth/sso-api';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { ServiceDeps } from '../../context';
import { AppError } from '../../errors';
import { runSsoAttempt, type SsoAttempt } from './sso-attempt';
import { storeNonce, takeNonce } from './sso-nonce';
import { loadProviderSettings, providerForEmail } from './sso-provider-settings';

type Deps = Pick<ServiceDeps, 'db' | 'auth' | 'env' | 'now'>;

/** A request to better-auth's handler with a new JSON body, keeping the caller's cookies and address headers. */
function withJsonBody(raw: Request, body: unknown): Request {
  const headers = new Headers(raw.headers);
  headers.delete('content-length');
  headers.set('content-type', 'application/json');
  return new Request(raw.url, { method: 'POST', headers, body: JSON.stringify(body) });
}

function copyCookies(from: Response, to: Headers): void {
  for (const cookie of from.headers.getSetCookie()) to.append('set-cookie', cookie);
}

/** A plain redirect (no body) carrying the cookies better-auth set on its own answer. */
function redirectWithCookies(location: string, from: Response): Response {
  const headers = new Headers({ location });
  copyCookies(from, headers);
  return new Response(null, { status: 302, headers });
}

/**
 * Starts a single sign-on for an email: better-auth's SSO plugin builds the authorization request
 * (state and PKCE verifier kept server-side), and the portal adds the nonce it will demand back in the
 * ID token. Answers with the provider's URL for the browser to open, and the plugin's state cookie.
 */
export async function startSsoSignIn(deps: Deps, email: string, raw: Request): Promise<Response> {
  const provider = await providerForEmail(deps.db, email);
  if (!provider) throw new AppError('not_found', 'No single sign-on is set up for this email domain');
  const res = await deps.auth.handler(
    withJsonBody(raw, {
      providerId: provider.providerId,
      providerType: 'oidc',
      loginHint: email,
      callbackURL: `${deps.env.PUBLIC_URL}/`,
      errorCallbackURL: `${deps.env.PUBLIC_URL}/sign-in`,
    }),
  );
  const body = (await res.json().catch(() => null)) as { url?: unknown } | null;
  if (!res.ok || typeof body?.url !== 'string')
    throw new AppError(
      'bad_request',
      `${provider.label} could not be reached to start the sign-in. Try again later.`,
    );
  const url = new URL(body.url);
  const state = url.searchParams.get('state');
  if (!state) throw new Error('SSO authorization URL without state');
  url.searchParams.set('nonce', await storeNonce(deps.db, state, deps.now));
  const headers = new Headers({ 'content-type': 'application/json' });
  copyCookies(res, headers);
  return new Response(JSON.stringify({ url: url.toString() }), { status: 200, headers });
}

/**
 * The provider's redirect back: better-auth's plugin exchanges the code and verifies the ID token,
 * calling the portal's resolveUser and provisionUser on the way (they read the attempt set up here).
 * A success goes on to the portal with the session cookie; a refusal is audited with its reason and
 * sent to the sign-in page, which says in words what went wrong.
 */
export async function finishSsoCallback(deps: Deps, providerId: string, raw: Request): Promise<Response> {
  const settings = await loadProviderSettings(deps.db, providerId);
  if (!settings) throw new AppError('not_found', 'No such single sign-on provider');
  const state = new URL(raw.url).searchParams.get('state');
  const attempt: SsoAttempt = {
    providerId,
    settings,
    expectedNonce: state ? await takeNonce(deps.db, state, deps.now) : null,
  };
  const res = await runSsoAttempt(attempt, () => deps.auth.handler(raw));
  const location = res.headers.get('location');
  const problem = location ? new URL(location, deps.env.PUBLIC_URL).searchParams : null;
  if (attempt.signedIn && location && !problem?.has('error')) return redirectWithCookies(location, res);

  const code = refusalCode(attempt, problem);
  const why =
    attempt.refusal?.why ??
    attempt.tokenProblem ??
    [problem?.get('error'), problem?.get('error_description')].filter(Boolean).join(': ').slice(0, 300);
  const [person] = attempt.refusal?.email
    ? await deps.db.select({ id: user.id }).from(user).where(eq(user.email, attempt.refusal.email))
    : [];
  await recordAudit(deps.db, {
    actor: { type: 'anonymous' },
    action: 'auth.sign_in_failed',
    ...(person ? { targetType: 'user', targetId: person.id } : {}),
    details: { method: 'sso', provider: providerId, reason: code, why: why || `status ${res.status}` },
  });
  // Out of every mapped group: the sessions they still hold end too, not only the next sign-in.
  if (code === 'no_role' && person) await deps.db.delete(session).where(eq(session.userId, person.id));

  return redirectWithCookies(`${deps.env.PUBLIC_URL}/sign-in?sso_error=${code}`, res);
}

function refusalCode(attempt: SsoAttempt, problem: URLSearchParams | null): SsoErrorCode {
  if (attempt.refusal) return attempt.refusal.code;
  const error = problem?.get('error') ?? '';
  if ((ssoErrorCodes as readonly string[]).includes(error)) return error as SsoErrorCode;
  if (attempt.tokenProblem || problem?.get('error_description') === 'token_not_verified')
    return 'token_rejected';
  if (error === 'invalid_state' || error === 'state_mismatch') return 'expired_attempt';
  return 'provider_error';
}
