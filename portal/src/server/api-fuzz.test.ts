import { describe, expect, it } from 'vitest';
import { appRoutes, fuzzSuite, isFuzzed, ROUTES_WITHOUT_INPUT } from './testing/fuzz/fuzz-suite';

// Property-based fuzzing of every API route that takes input (see testing/fuzz/): staff, extension,
// vendor-link, catalog and public routes, found in the app's own route table. Generated hostile input
// must be refused with a 4xx in the shared error shape and write nothing; valid bodies of hostile text
// must never cause a 5xx. FUZZ_RUNS=<n> runs more inputs per route (200 by default).
const routes = await appRoutes();

describe('API fuzz coverage', () => {
  it('fuzzes every route that takes input, and names each state-changing route that takes none', () => {
    const unclassified = routes.filter(
      (r) => r.method !== 'GET' && !isFuzzed(r) && !(r.key in ROUTES_WITHOUT_INPUT),
    );
    expect(unclassified.map((r) => r.key)).toEqual([]);
    const stale = Object.keys(ROUTES_WITHOUT_INPUT).filter((key) => !routes.some((r) => r.key === key));
    expect(stale).toEqual([]);
    expect(routes.filter((r) => r.json).length).toBeGreaterThan(40);
  });
});

fuzzSuite('API', routes);
