import type { DbHandle } from '@sightline/db/client';
import { openTestDb } from '@sightline/db/testing/test-db';
import type { StaffRole } from '@sightline/shared/auth/roles';
import { hc } from 'hono/client';
import { type ApiRoutes, createApp } from '../app';
import { createAuth, createStaffUser } from '../auth/auth';
import { ensureOrgSettings } from '../bootstrap';
import type { AppDeps } from '../context';
import { loadEnv, servedOverHttps } from '../env';
import { createMailer } from '../mail/mailer';
import { depsAt } from '../service-deps';
import { responseContract } from './response-contract';

export const TEST_ORIGIN = 'http://localhost:8787';
export const TEST_PASSWORD = 'correct horse battery staple';

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
type RequestOptions = {
  method?: string;
  json?: unknown;
  body?: BodyInit;
  cookie?: string;
  headers?: Record<string, string>;
};

/**
 * The real portal app on a fresh, migrated database (PGlite, or a throwaway database on the server in
 * DATABASE_URL), with helpers to sign in as any role. `clock.set()` moves time for due-date tests.
 */
export async function createTestApp(
  options: {
    smtpUrl?: string;
    start?: Date;
    env?: Record<string, string>;
    /** A database the caller opened and closes itself (a fault test's own server); else a fresh one. */
    db?: DbHandle;
  } = {},
) {
  const handle: DbHandle = options.db ?? (await openTestDb());
  const env = loadEnv({
    NODE_ENV: 'test',
    // Tests play the load balancer: X-Forwarded-For names the client.
    TRUST_PROXY_HOPS: '1',
    PUBLIC_URL: TEST_ORIGIN,
    AUTH_SECRET: 'test-secret-'.padEnd(40, 'x'),
    ...options.env,
  });
  const auth = createAuth({
    db: handle.db,
    secret: env.AUTH_SECRET!,
    publicUrl: env.PUBLIC_URL,
    secureCookies: servedOverHttps(env),
  });
  let current = options.start ?? new Date();
  const clock = {
    now: () => current,
    set: (d: Date) => (current = d),
    advanceDays: (n: number) => (current = new Date(current.getTime() + n * 86_400_000)),
  };
  const deps: AppDeps = {
    db: handle.db,
    env,
    auth,
    mailer: createMailer(options.smtpUrl, 'Sightline <sightline@test>'),
    clock: () => clock.now(),
  };
  await ensureOrgSettings(handle.db);
  const app = createApp(deps);
  const cookies = new Map<string, string>();
  const contract = responseContract(app);

  /** Every answer a test gets is checked against what its route declares (see response-contract.ts). */
  async function answer(request: Request): Promise<Response> {
    const res = await app.request(request);
    const problem = await contract(request.method, request.url, res);
    if (problem) throw new Error(`Response contract: ${problem}`);
    return res;
  }

  async function request(path: string, opts: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.cookie) headers.cookie = opts.cookie;
    if (opts.cookie && opts.method && opts.method !== 'GET') headers.origin ??= TEST_ORIGIN;
    let body = opts.body;
    if (opts.json !== undefined) {
      body = JSON.stringify(opts.json);
      headers['content-type'] ??= 'application/json';
    }
    return answer(new Request(new URL(path, TEST_ORIGIN), { method: opts.method ?? 'GET', headers, body }));
  }

  /**
   * Hono's typed client over the app, so a test breaks at compile time when its route changes; with
   * a role, it calls as that signed-in staff member (from the portal's own origin, as the UI does).
   */
  function typedClient(headers: Record<string, string> | (() => Record<string, string>) = {}) {
    return hc<ApiRoutes>(TEST_ORIGIN, {
      headers,
      fetch: (input: RequestInfo | URL, init?: RequestInit) => answer(new Request(input, init)),
    });
  }
  const client = typedClient();
  async function clientAs(role: StaffRole) {
    return typedClient({ cookie: await signInAs(role), origin: TEST_ORIGIN });
  }

  /** Creates (once) a staff member with the role and returns a session cookie for them. */
  async function signInAs(role: StaffRole): Promise<string> {
    const cached = cookies.get(role);
    if (cached) return cached;
    const email = `${role}@example.test`;
    await createStaffUser(auth, { email, name: `Test ${role}`, role, password: TEST_PASSWORD });
    const res = await request('/api/auth/sign-in/email', {
      method: 'POST',
      json: { email, password: TEST_PASSWORD },
    });
    if (res.status !== 200) throw new Error(`sign-in as ${role} failed: ${res.status} ${await res.text()}`);
    const cookie = sessionCookie(res);
    cookies.set(role, cookie);
    return cookie;
  }

  const close = async () => {
    if (!options.db) await handle.close();
  };
  /** The app's dependencies as a service gets them, at the test clock's current time. */
  const serviceDeps = () => depsAt(deps);

  return {
    app,
    deps,
    clock,
    serviceDeps,
    request,
    client,
    clientAs,
    clientWith: typedClient,
    signInAs,
    close,
  };
}

/** The `name=value` part of the session cookie a response sets. */
export function sessionCookie(res: Response): string {
  const setCookie = res.headers.getSetCookie().find((c) => c.includes('session_token'));
  if (!setCookie) throw new Error('no session cookie in the response');
  return setCookie.split(';')[0]!;
}
