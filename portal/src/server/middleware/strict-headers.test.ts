import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentTestApp, createVendor, sendAssessment } from '../features/assessments/assessment-test-kit';
import type { TestApp } from '../testing/test-app';

// Every kind of answer (the staff UI, the vendor page, API JSON, API errors, the API docs) carries the
// same strict headers; HSTS only when PUBLIC_URL is https, since that is how the portal is reached.
let http: TestApp;
let https: TestApp;
let token: string;
beforeAll(async () => {
  http = await assessmentTestApp();
  https = await assessmentTestApp({ env: { PUBLIC_URL: 'https://sightline.example' } });
  token = (await sendAssessment(http, await createVendor(http))).token;
});
afterAll(async () => {
  await http?.close();
  await https?.close();
});

/** The answers a browser or client gets from each part of the portal. */
async function answers(t: TestApp): Promise<[string, Response][]> {
  const admin = await t.signInAs('admin');
  return [
    ['staff UI', await t.request('/')],
    ['staff UI, a deep link', await t.request('/vendors/123')],
    ['vendor page', await t.request('/v')],
    ['API JSON', await t.request('/api/vendors', { cookie: admin })],
    ['API refusal', await t.request('/api/vendors')],
    ['unknown API route', await t.request('/api/nope')],
    ['vendor API', await t.request('/api/vendor/assessment', { headers: { 'x-assessment-token': token } })],
    ['API docs', await t.request('/api/docs')],
    ['OpenAPI document', await t.request('/api/openapi.json')],
  ];
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

describe('security headers on every kind of answer', () => {
  it('allow scripts from our own origin only (no inline, no eval), no framing, no sniffing, no referrer', async () => {
    for (const [what, res] of await answers(http)) {
      const csp = directives(res.headers.get('content-security-policy') ?? '');
      expect(csp.get('script-src'), what).toEqual(["'self'"]);
      expect(csp.get('default-src'), what).toEqual(["'self'"]);
      expect(csp.get('object-src'), what).toEqual(["'none'"]);
      expect(csp.get('base-uri'), what).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors'), what).toEqual(["'none'"]);
      expect([...csp.values()].flat(), what).not.toContain("'unsafe-inline'");
      expect([...csp.values()].flat(), what).not.toContain("'unsafe-eval'");
      expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), what).toBe('DENY');
      expect(res.headers.get('referrer-policy'), what).toBe('no-referrer');
      // Over plain HTTP a browser ignores HSTS; the portal does not claim it.
      expect(res.headers.get('strict-transport-security'), what).toBeNull();
    }
  });

  it('add HSTS for a year, subdomains included, when PUBLIC_URL is https', async () => {
    for (const [what, res] of await answers(https)) {
      expect(res.headers.get('strict-transport-security'), what).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers.get('content-security-policy'), what).toContain("frame-ancestors 'none'");
    }
  });
});
