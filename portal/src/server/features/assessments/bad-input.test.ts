import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import {
  assessmentTestApp,
  createVendor,
  freshAddress,
  sendAssessment,
  vendorCall,
} from './assessment-test-kit';

// Every vendor, template and assessment route fed malformed bodies: each answer is a 4xx in the
// one error shape, never a 5xx.
let t: TestApp;
let ids: { vendor: string; assessment: string; token: string; template: string };

beforeAll(async () => {
  t = await assessmentTestApp();
  const vendor = await createVendor(t);
  const sent = await sendAssessment(t, vendor);
  const list = (await (await t.request('/api/templates', { cookie: await t.signInAs('admin') })).json()) as {
    templates: { id: string }[];
  };
  ids = { vendor, assessment: sent.id, token: sent.token, template: list.templates[0]!.id };
});
afterAll(() => t?.close());

const bodies: (string | undefined)[] = [
  undefined,
  '',
  '{',
  'null',
  '[]',
  '"text"',
  '42',
  '{"__proto__":{"x":1}}',
  JSON.stringify({ answers: { constructor: { value: 'x' } } }),
  JSON.stringify({ answers: { 'profile.purpose': { value: { nested: true } } } }),
  '{"answers":{"profile.user_count":{"value":1e999}}}',
  JSON.stringify({ name: 'x'.repeat(10_000), email: 'a@b' }),
  JSON.stringify({ name: 'Nul\u0000Corp', answers: { 'profile.purpose': { value: 'a\u0000b' } } }),
  JSON.stringify({ answers: { 'profile.purpose': { value: 'a\u0000b' } } }),
  JSON.stringify({ answers: { 'profile.purpose': { comment: 'a\u0000b' } } }),
  JSON.stringify({ questionId: 'profile.purpose', comment: 'a\u0000b' }),
  JSON.stringify({ dueOn: '2026-02-30' }),
  JSON.stringify({ format: 'yaml', source: '&a [*a, *a]' }),
  JSON.stringify({ format: 'json', source: '{"key":"x","version":1e400}' }),
  JSON.stringify({ questionId: '../../etc', comment: 'x' }),
  JSON.stringify({
    vendorId: 'not-a-uuid',
    respondentName: 'x',
    respondentEmail: 'x@y.z',
    dueOn: '2027-01-01',
  }),
];

async function expectNo5xx(label: string, res: Response) {
  const text = await res.text();
  expect(res.status, `${label} → ${res.status} ${text}`).toBeLessThan(500);
  if (res.status >= 400) expect(JSON.parse(text).error.code, label).toBeTypeOf('string');
}

describe('bad input on the assessment routes', () => {
  it('never answers a staff route with a 5xx', async () => {
    const cookie = await t.signInAs('admin');
    const routes = [
      ['POST', '/api/vendors'],
      ['PATCH', `/api/vendors/${ids.vendor}`],
      ['POST', `/api/vendors/${ids.vendor}/contacts`],
      ['POST', `/api/vendors/${ids.vendor}/documents`],
      ['POST', '/api/templates/import'],
      ['POST', `/api/templates/${ids.template}/clone`],
      ['POST', '/api/assessments'],
      ['POST', `/api/assessments/${ids.assessment}/resend`],
      ['POST', `/api/assessments/${ids.assessment}/revoke`],
      ['POST', `/api/assessments/${ids.assessment}/comments`],
      ['POST', `/api/assessments/${ids.assessment}/request-changes`],
    ] as const;
    for (const [method, path] of routes) {
      for (const body of bodies) {
        const headers = { 'content-type': 'application/json' };
        await expectNo5xx(
          `${method} ${path} ${body}`,
          await t.request(path, { method, cookie, body, headers }),
        );
      }
    }
    for (const query of ['?q=%00', '?status=x', '?tier=', `?q=${'a'.repeat(500)}`, '?serviceId=%E2%80%AE']) {
      await expectNo5xx(`GET /api/vendors${query}`, await t.request(`/api/vendors${query}`, { cookie }));
    }
    await expectNo5xx(
      'export',
      await t.request(`/api/templates/${ids.template}/export?format=pdf`, { cookie }),
    );
    await expectNo5xx('bad id', await t.request('/api/assessments/123', { cookie }));
  });

  it('never answers a vendor route with a 5xx', async () => {
    const routes = [
      ['PUT', '/api/vendor/answers'],
      ['POST', '/api/vendor/colleagues'],
      ['POST', '/api/vendor/evidence'],
      ['POST', '/api/vendor/submit'],
      ['DELETE', '/api/vendor/evidence/not-a-uuid'],
    ] as const;
    for (const [method, path] of routes) {
      for (const body of bodies) {
        const headers = { 'content-type': 'application/json' };
        await expectNo5xx(
          `${method} ${path} ${body}`,
          await vendorCall(t, ids.token, path, { method, body, headers, from: freshAddress() }),
        );
      }
    }
    const form = new FormData();
    form.set('questionId', 'evd.pen_test');
    form.append('file', new Blob(['a']), 'a.txt');
    form.append('file', new Blob(['b']), 'b.txt');
    const huge = JSON.stringify({ answers: { 'profile.purpose': { value: 'x'.repeat(2 * 1024 * 1024) } } });
    const tooBig = await vendorCall(t, ids.token, '/api/vendor/answers', {
      method: 'PUT',
      body: huge,
      headers: { 'content-type': 'application/json' },
      from: freshAddress(),
    });
    expect(tooBig.status).toBe(413);
    const nulField = new FormData();
    nulField.set('questionId', 'evd.pen_test\u0000');
    nulField.set('file', new Blob(['plain text']), 'a.txt');
    await expectNo5xx(
      'NUL in a form field',
      await vendorCall(t, ids.token, '/api/vendor/evidence', {
        method: 'POST',
        body: nulField,
        from: freshAddress(),
      }),
    );
    await expectNo5xx(
      'two files',
      await vendorCall(t, ids.token, '/api/vendor/evidence', {
        method: 'POST',
        body: form,
        from: freshAddress(),
      }),
    );
    const broken = await vendorCall(t, ids.token, '/api/vendor/evidence', {
      method: 'POST',
      body: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nunterminated',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      from: freshAddress(),
    });
    await expectNo5xx('broken multipart', broken);
  });
});
