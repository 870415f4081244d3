import { randomUUID } from 'node:crypto';
import { FAMILIAR_SERVICES } from '@sightline/portal/server/features/discovery/demo-usage';
import type { RunningPortal } from '../e2e/support/portal-process';

/** Catalog services the simulated browsers visit (real catalog ids, so dashboards name them). */
export const FLEET_SERVICES = FAMILIAR_SERVICES.slice(0, 6);
const KINDS = ['visit', 'visit', 'visit', 'login', 'paste', 'upload', 'api_call', 'warning_shown'] as const;

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

/** One event as the extension sends it, dated up to `withinMs` before `now`. */
export function syntheticEvent(now: number, withinMs = 86_400_000) {
  const kind = pick(KINDS);
  const serviceId = pick(FLEET_SERVICES);
  return {
    id: randomUUID(),
    kind,
    serviceId,
    host: `${serviceId}.example`,
    matchedRule: `domain:${serviceId}.example`,
    occurredAt: new Date(now - Math.floor(Math.random() * withinMs)).toISOString(),
    ...(kind === 'paste' || kind === 'upload'
      ? { count: 1, bytes: 1 + Math.floor(Math.random() * 50_000) }
      : {}),
    ...(kind === 'login' ? { accountHint: Math.random() < 0.3 ? 'personal' : 'work' } : {}),
  };
}

/** The first admin's session cookie (`name=value; …`), signed in through the portal's API. */
export async function adminCookie(portal: RunningPortal): Promise<string> {
  const signIn = await fetch(`${portal.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: portal.url },
    body: JSON.stringify(portal.admin),
  });
  if (signIn.status !== 200) throw new Error(`admin sign-in failed: ${signIn.status}`);
  return signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/**
 * Enrolls `count` browsers as the extension does: staff create an enrollment token, and each browser
 * exchanges it at /api/ext/enroll for a credential of its own (`parallel` at a time). Returns the
 * credentials in enrollment order.
 */
export async function enrollFleet(portal: RunningPortal, count: number, parallel = 1): Promise<string[]> {
  const cookie = await adminCookie(portal);
  const created = await fetch(`${portal.url}/api/enrollment-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: portal.url, cookie },
    body: JSON.stringify({ label: 'simulated fleet' }),
  });
  if (created.status !== 201) throw new Error(`enrollment token: ${created.status} ${await created.text()}`);
  const { token } = (await created.json()) as { token: string };
  const credentials: string[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, count) }, async () => {
      for (let i = next++; i < count; i = next++) {
        const res = await fetch(`${portal.url}/api/ext/enroll`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            token,
            userHint: `person${i}@example.com`,
            browser: 'chrome',
            platform: 'linux',
            extensionVersion: 'bench',
          }),
        });
        if (res.status !== 201) throw new Error(`enroll failed: ${res.status} ${await res.text()}`);
        credentials[i] = ((await res.json()) as { credential: string }).credential;
      }
    }),
  );
  return credentials;
}
