import { afterAll, beforeAll, describe, it } from 'vitest';
import { createApp } from '../../app';
import type { AppDeps } from '../../context';
import { loadEnv } from '../../env';
import { assessmentTestApp } from '../../features/assessments/assessment-test-kit';
import type { TestApp } from '../test-app';
import { signInInput } from './fuzz-inputs';
import { NON_JSON_BODY_ROUTES } from './fuzz-oracle';
import { FUZZ_RUNS, fuzzAcceptable, fuzzRefusals, type OwnValidation, type RouteReport } from './fuzz-runner';
import { buildFuzzWorld, type FuzzWorld } from './fuzz-world';
import { type InventoriedRoute, inventoryRoutes } from './route-inventory';

/**
 * Mutating routes that take no input at all: nothing in a request to them can be malformed, so there
 * is nothing to fuzz. Everything else that changes state is fuzzed; a new route that is neither fails
 * the coverage test.
 */
export const ROUTES_WITHOUT_INPUT: Record<string, string> = {
  'POST /api/auth/sign-out': 'reads nothing but the session cookie',
  'POST /api/vendor/submit': 'reads nothing but the link; its refusals are tested in vendor-answers tests',
  'POST /api/auth/*': "better-auth's remaining endpoints; sign-in, the one staff use, is fuzzed on its own",
  'POST /api/auth/sso/*': "the SSO plugin's endpoints the portal does not offer: always 404",
};

/**
 * Routes that check their body with their own code: better-auth's sign-in. Every input is refused
 * (none has a password), and failed sign-ins are audited on purpose.
 */
export const OWN_VALIDATION: Record<string, (world: FuzzWorld) => OwnValidation> = {
  'POST /api/auth/sign-in/email': (world) => ({
    inputs: signInInput(world),
    auditActions: ['auth.sign_in_failed', 'auth.sign_in_throttled'],
  }),
};

/** Inputs per JSON route in phase two (valid bodies of hostile text). */
export const ACCEPTABLE_RUNS = Math.max(30, Math.round(FUZZ_RUNS / 6));

/** The app's routes, read from a copy of the app built without a database (routes do not need one to exist). */
export async function appRoutes(): Promise<InventoriedRoute[]> {
  const env = loadEnv({ NODE_ENV: 'test', PUBLIC_URL: 'http://localhost:8787', AUTH_SECRET: 'x'.repeat(40) });
  return inventoryRoutes(createApp({ env } as AppDeps));
}

/** Routes the fuzz test sends generated input to: anything with a validator, and the upload routes. */
export function isFuzzed(route: InventoriedRoute): boolean {
  return Boolean(
    route.json ||
      route.param ||
      route.query ||
      route.key in NON_JSON_BODY_ROUTES ||
      route.key in OWN_VALIDATION,
  );
}

/**
 * One `it` per route for phase one, then one per JSON route for phase two, against one portal whose
 * world all of them share; a table of what ran is printed at the end.
 */
export function fuzzSuite(title: string, routes: InventoriedRoute[]) {
  let t: TestApp;
  let world: FuzzWorld;
  const reports: { phase: string; report: RouteReport }[] = [];
  let cpuAtStart: NodeJS.CpuUsage;
  beforeAll(async () => {
    cpuAtStart = process.cpuUsage();
    // Device calls are capped per minute; the fuzz test makes thousands in one.
    t = await assessmentTestApp({ env: { DEVICE_REQUESTS_PER_MINUTE: '100000' } });
    world = await buildFuzzWorld(t);
  });
  afterAll(async () => {
    await t?.close();
    const lines = reports.map(
      ({ phase, report: r }) =>
        `  ${phase} ${r.route.padEnd(58)} ${String(r.inputs).padStart(5)} inputs: ${r.refused} invalid, ${r.unknown} naming nothing, ${r.accepted} accepted`,
    );
    const cpu = process.cpuUsage(cpuAtStart);
    const inputs = reports.reduce((n, r) => n + r.report.inputs, 0);
    console.log(
      `${title} fuzz: ${reports.length} route runs, ${inputs} inputs, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU in the test process\n${lines.join('\n')}`,
    );
  });

  describe(`${title}: input each route must refuse (4xx, error shape, nothing written)`, () => {
    for (const route of routes.filter(isFuzzed)) {
      it(route.key, async () => {
        const own = OWN_VALIDATION[route.key]?.(world);
        reports.push({ phase: 'refuse', report: await fuzzRefusals(t, world, route, own) });
      });
    }
  });
  describe(`${title}: valid bodies of hostile text (no 5xx; a refusal writes nothing)`, () => {
    for (const route of routes.filter((r) => r.json)) {
      it(route.key, async () => {
        reports.push({ phase: 'accept', report: await fuzzAcceptable(t, world, route, ACCEPTABLE_RUNS) });
      });
    }
  });
}
