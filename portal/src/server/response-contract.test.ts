import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentTestApp } from './features/assessments/assessment-test-kit';
import { routeAccess } from './route-access';
import { authCalls } from './testing/contract/auth-calls';
import { type ContractContext, contractContext } from './testing/contract/contract-context';
import { deviceCalls, reviewCalls, vendorLinkCalls } from './testing/contract/review-calls';
import { ssoCalls } from './testing/contract/sso-calls';
import { type ContractCall, staffCalls } from './testing/contract/staff-calls';
import { appRoutes } from './testing/fuzz/fuzz-suite';
import { buildFuzzWorld, type FuzzWorld } from './testing/fuzz/fuzz-world';
import type { InventoriedRoute } from './testing/fuzz/route-inventory';
import type { TestApp } from './testing/test-app';

// Every API route called once with valid input as a caller it allows, in the fuzz test's world of
// fixtures. The test app checks each answer against what its route declares (status, schema, no
// undeclared field; see testing/response-contract.ts); here each call must also succeed (2xx).
// Reads are generated from the route table; each route that changes something has its call in
// testing/contract/, so a new route fails the coverage test until it has one.

/** Routes this walk leaves to their own tests, and why. */
const NOT_WALKED: Record<string, string> = {
  'GET /api/auth/sso/callback/:providerId':
    'needs an identity provider; the SSO integration tests run it (and check its answers)',
  'GET /api/auth/sso/*': 'answers 404 by design (nothing is offered there)',
  'POST /api/auth/sso/*': 'answers 404 by design (nothing is offered there)',
  'POST /api/auth/sign-in/sso':
    'needs a reachable identity provider; the SSO integration tests run it (and check its answers)',
  'POST /api/sso/providers':
    "needs an identity provider's discovery document; the SSO integration tests run it (and check its answers)",
  'PUT /api/sso/providers/:providerId':
    "needs an identity provider's discovery document; the SSO integration tests run it (and check its answers)",
};

/** Query strings reads need to be valid. */
const READ_QUERIES: Record<string, string> = {
  'GET /api/catalog/classify': 'url=https%3A%2F%2Fchatgpt.com%2F',
};

const written: ContractCall[] = [
  ...deviceCalls,
  ...authCalls,
  ...staffCalls,
  ...reviewCalls,
  ...vendorLinkCalls,
  ...ssoCalls,
];
const routes = await appRoutes();
const reads = routes.filter(
  (r) => r.method === 'GET' && !written.some((w) => w.route === r.key) && !(r.key in NOT_WALKED),
);

function readPath(route: InventoriedRoute, world: FuzzWorld): string {
  const path = route.path
    .replace(/:file\{[^}]+\}/, 'swagger-ui.css')
    .replace(/\*$/, 'get-session')
    .replace(/:([A-Za-z]+)/g, (_, name: string) => {
      const value = world.realParam(route, name);
      if (!value) throw new Error(`${route.key}: no fixture for :${name}`);
      return encodeURIComponent(value);
    });
  const query = READ_QUERIES[route.key];
  return query ? `${path}?${query}` : path;
}

let t: TestApp;
let world: FuzzWorld;
let c: ContractContext;
beforeAll(async () => {
  t = await assessmentTestApp({ env: { DEVICE_REQUESTS_PER_MINUTE: '100000' } });
  world = await buildFuzzWorld(t);
  c = contractContext(t, world);
});
afterAll(() => t?.close());

describe('every route keeps its declared contract', () => {
  it('has a call for every route (reads generated, writes written), or says why not', () => {
    const covered = new Set([...reads.map((r) => r.key), ...written.map((w) => w.route)]);
    const missing = Object.keys(routeAccess).filter((key) => !covered.has(key) && !(key in NOT_WALKED));
    expect(missing).toEqual([]);
    const unknown = written.map((w) => w.route).filter((key) => !(key in routeAccess));
    expect(unknown).toEqual([]);
    console.log(
      `response contract: ${reads.length} reads and ${written.length} writes walked; not walked here:\n${Object.entries(
        NOT_WALKED,
      )
        .map(([key, why]) => `  ${key}: ${why}`)
        .join('\n')}`,
    );
  });

  for (const route of reads) {
    it(route.key, async () => {
      const { cookie, headers } = await world.credentials(route.access);
      const res = await t.request(readPath(route, world), { cookie, headers });
      expect(res.status, await res.clone().text()).toBeLessThan(300);
    });
  }

  for (const { route, call } of written) {
    it(route, async () => {
      const res = await call(c);
      expect(res.status, await res.clone().text()).toBeGreaterThanOrEqual(200);
      expect(res.status, await res.clone().text()).toBeLessThan(300);
    });
  }
});
