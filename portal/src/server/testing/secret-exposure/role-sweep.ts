import type { StaffRole } from '@sightline/shared/auth/roles';
import { expect } from 'vitest';
import { routeAccess } from '../../route-access';
import type { TestApp } from '../test-app';
import type { PlantedSecrets } from './planted-secrets';

/** Concrete URLs for a GET route: real fixture ids where the route takes one, a well-formed miss elsewhere. */
function urlsFor(pattern: string, ids: PlantedSecrets['ids']): string[] {
  const idsByPrefix: [string, string[]][] = [
    ['/api/devices/:id', [ids.device]],
    ['/api/templates/:id', [ids.template]],
    ['/api/vendors/:id', [ids.vendor]],
    ['/api/assessments/:id', ids.assessments],
  ];
  const real = idsByPrefix.find(([prefix]) => pattern.startsWith(prefix))?.[1] ?? [''];
  const query: Record<string, string> = { '/api/audit': '?limit=500' };
  return real.map(
    (id) =>
      pattern
        .replace(/:file\{[^}]+\}/, 'swagger-ui.css')
        .replace(':id', id || '00000000-0000-4000-8000-000000000000')
        .replace(/:([A-Za-z]+)(\{[^}]+\})?/g, '00000000-0000-4000-8000-000000000000')
        .replace(/\*$/, 'get-session') + (query[pattern] ?? ''),
  );
}

/** Every GET route the app serves, with its rule. */
function getRoutes(t: TestApp) {
  const seen = new Set<string>();
  for (const r of t.app.routes) if (r.method === 'GET' && r.path.startsWith('/api/')) seen.add(r.path);
  return [...seen].flatMap((path) => {
    const rule = routeAccess[`GET ${path}`];
    return rule ? [{ path, rule }] : [];
  });
}

/** Everything one staff member can read: every GET route their role reaches, bodies concatenated. */
export async function everythingReadableBy(
  t: TestApp,
  planted: PlantedSecrets,
  role: StaffRole,
): Promise<{ text: string; calls: number }> {
  let text = '';
  let calls = 0;
  for (const { path, rule } of getRoutes(t)) {
    if (rule !== 'public' && !(Array.isArray(rule) && rule.includes(role))) continue;
    for (const url of urlsFor(path, planted.ids)) {
      const res = await t.request(url, { cookie: planted.cookies.get(role) });
      expect(res.status, `${role} GET ${url}`).toBeLessThan(500);
      text += `\n${url} ${res.status} ${res.headers.get('set-cookie') ?? ''}\n${await res.text()}`;
      calls += 1;
    }
  }
  return { text, calls };
}
