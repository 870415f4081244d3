import type { PolicyState } from '@sightline/shared/policy/policy-states';
import type { RunningPortal } from './portal-process';

export type DeviceEvent = {
  clientEventId: string;
  kind: string;
  serviceId: string | null;
  host: string;
  matchedRule: string | null;
  initiatorHost: string | null;
  accountHint: string | null;
  itemCount: number | null;
  bytes: number | null;
  fileTypes: string[] | null;
};

/** The portal's staff API as the admin, to set things up and to check what the extension stored. */
export async function adminApi(portal: RunningPortal) {
  const signIn = await fetch(`${portal.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: portal.url },
    body: JSON.stringify(portal.admin),
  });
  if (signIn.status !== 200) throw new Error(`admin sign-in failed: ${signIn.status}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${portal.url}${path}`, {
      method,
      headers: { cookie, origin: portal.url, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    createToken: (label = 'E2E fleet') =>
      call<{ id: string; token: string }>('POST', '/api/enrollment-tokens', { label }),
    setPolicy: (
      serviceId: string,
      body: { state: PolicyState; conditions?: string; alternativeServiceId?: string },
    ) => call('PUT', `/api/policy/services/${serviceId}`, body),
    settings: (body: Record<string, unknown>) => call('PATCH', '/api/settings', body),
    // A test's fleet fits one largest page.
    devices: async () => ({
      devices: (
        await call<{
          items: {
            id: string;
            userKey: string | null;
            revokedAt: string | null;
            lastSeenAt: string | null;
          }[];
        }>('GET', '/api/devices?limit=500')
      ).items,
    }),
    deviceEvents: async (deviceId: string) =>
      (await call<{ events: DeviceEvent[] }>('GET', `/api/devices/${deviceId}/events?limit=1000`)).events,
    revokeDevice: (deviceId: string) => call('POST', `/api/devices/${deviceId}/revoke`),
    requests: async () =>
      (
        await call<{
          items: {
            id: string;
            serviceId: string;
            justification: string;
            status: string;
            dataCategories: string[];
          }[];
        }>('GET', '/api/requests?limit=500')
      ).items,
    addCustomEntry: (entry: {
      id: string;
      name: string;
      vendor: string;
      website: string;
      category: string;
      rules: unknown[];
    }) => call('POST', '/api/catalog/custom', entry),
    candidates: async () => ({
      candidates: (
        await call<{ items: { host: string; signals: string[] }[] }>('GET', '/api/candidates?limit=500')
      ).items,
    }),
  };
}

/**
 * Waits until the portal answers again. (`RunningPortal.resume()` returns as soon as its output holds
 * the start-up line, which the first start already printed.)
 */
export async function waitForPortal(portal: RunningPortal, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(`${portal.url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error('the portal did not come back');
    await new Promise((r) => setTimeout(r, 200));
  }
}
