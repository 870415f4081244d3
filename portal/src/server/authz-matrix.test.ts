import { type StaffRole, staffRoles } from '@sightline/shared/auth/roles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeAccess } from './route-access';
import { createTestApp, type TestApp } from './testing/test-app';

// Every API route in the app × (anonymous, each role) → the expected status class. A route that is
// not in route-access.ts fails the first test, so no route can ship without a declared rule.
let t: TestApp;
const cookies = new Map<StaffRole, string>();

beforeAll(async () => {
  t = await createTestApp();
  for (const role of staffRoles) cookies.set(role, await t.signInAs(role));
});
afterAll(() => t?.close());

function apiRoutes(): { method: string; path: string }[] {
  const seen = new Set<string>();
  const out: { method: string; path: string }[] = [];
  for (const r of t.app.routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/api/') || r.path === '/api/*') continue;
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ method: r.method, path: r.path });
  }
  return out;
}

/** A concrete URL for a route pattern: ids become a well-formed id that matches nothing. */
function concretePath(pattern: string): string {
  return pattern
    .replace(/:file\{[^}]+\}/, 'swagger-ui.css')
    .replace(/:([A-Za-z]+)(\{[^}]+\})?/g, '00000000-0000-4000-8000-000000000000')
    .replace(/\*$/, 'get-session');
}

async function call(method: string, path: string, cookie?: string): Promise<number> {
  const mutating = method !== 'GET' && method !== 'HEAD';
  const res = await t.request(concretePath(path), { method, cookie, json: mutating ? {} : undefined });
  return res.status;
}

describe('authorization matrix', () => {
  it('has a declared rule for every API route', () => {
    const missing = apiRoutes()
      .map((r) => `${r.method} ${r.path}`)
      .filter((key) => !(key in routeAccess));
    expect(missing).toEqual([]);
    const existing = new Set(apiRoutes().map((r) => `${r.method} ${r.path}`));
    expect(Object.keys(routeAccess).filter((key) => !existing.has(key))).toEqual([]);
    expect(apiRoutes().length).toBeGreaterThan(15);
  });

  it('answers every route for every caller as declared, and never with a 5xx', async () => {
    const failures: string[] = [];
    for (const { method, path } of apiRoutes()) {
      const rule = routeAccess[`${method} ${path}`];
      if (!rule) continue;
      const anonymous = await call(method, path);
      if (anonymous >= 500) failures.push(`${method} ${path} anonymous → ${anonymous}`);
      if (rule === 'public') {
        if (anonymous === 401 || anonymous === 403)
          failures.push(`${method} ${path} is public but anonymous got ${anonymous}`);
        continue;
      }
      if (rule === 'device' || rule === 'vendor-token') {
        // Staff sessions are no credential here: these routes accept only their own token.
        const expected = rule === 'device' ? [401] : [401, 404];
        if (!expected.includes(anonymous))
          failures.push(`${method} ${path} anonymous → ${anonymous}, want ${expected}`);
        const asAdmin = await call(method, path, cookies.get('admin'));
        if (!expected.includes(asAdmin))
          failures.push(`${method} ${path} with an admin session → ${asAdmin}, want ${expected}`);
        continue;
      }
      if (anonymous !== 401) failures.push(`${method} ${path} anonymous → ${anonymous}, want 401`);
      for (const role of staffRoles) {
        const status = await call(method, path, cookies.get(role));
        const allowed = rule.includes(role);
        if (status >= 500) failures.push(`${method} ${path} as ${role} → ${status}`);
        else if (allowed && (status === 401 || status === 403))
          failures.push(`${method} ${path} as ${role} → ${status}, want access`);
        else if (!allowed && status !== 403)
          failures.push(`${method} ${path} as ${role} → ${status}, want 403`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('gives the auditor no write access anywhere but their own password', () => {
    const selfService = new Set(['POST /api/auth/change-password']);
    const writable = Object.entries(routeAccess).filter(
      ([key, rule]) =>
        !key.startsWith('GET ') && !selfService.has(key) && Array.isArray(rule) && rule.includes('auditor'),
    );
    expect(writable.map(([key]) => key)).toEqual([]);
  });
});
