import type { VendorView } from '@sightline/shared/assessments/vendor-page-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import {
  assessmentTestApp,
  completeAnswers,
  createVendor,
  dueInDays,
  freshAddress,
  json,
  sendAssessment,
  vendorCall,
} from '../assessments/assessment-test-kit';
import { samplePdf } from '../evidence/sample-files';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await assessmentTestApp();
  cookie = await t.signInAs('procurement');
});
afterAll(() => t?.close());

type Listed = { id: string; name: string; status: string; assessmentCount: number };
const register = async (query = '') =>
  (await json<{ items: Listed[] }>(await t.request(`/api/vendors${query}`, { cookie }), 200)).items;
const listed = async (id: string) => (await register()).find((v) => v.id === id)!;
const shown = async (id: string) => {
  const detail = await json<{ vendor: { status: string } }>(
    await t.request(`/api/vendors/${id}`, { cookie }),
    200,
  );
  const row = await listed(id);
  expect(row.status, 'register and vendor page agree').toBe(detail.vendor.status);
  return row.status;
};

async function draft(vendorId: string) {
  const res = await t.request('/api/assessments', {
    method: 'POST',
    cookie,
    json: { vendorId, respondentName: 'Vera', respondentEmail: 'vera@x.example', dueOn: dueInDays(t, 21) },
  });
  return (await json<{ id: string }>(res, 201)).id;
}

async function answerAll(token: string) {
  const view = await json<VendorView>(
    await vendorCall(t, token, '/api/vendor/assessment', { from: freshAddress() }),
    200,
  );
  const put = (answers: unknown) =>
    vendorCall(t, token, '/api/vendor/answers', { method: 'PUT', json: { answers }, from: freshAddress() });
  return { answers: completeAnswers(view.template), put };
}

describe('vendor register', () => {
  it("counts each vendor's assessments", async () => {
    const busy = await createVendor(t, 'Counted AI');
    const idle = await createVendor(t, 'Uncounted AI');
    await sendAssessment(t, busy);
    await draft(busy);
    expect((await listed(busy)).assessmentCount).toBe(2);
    expect((await listed(idle)).assessmentCount).toBe(0);
  });

  it('shows where the assessments stand, not "in review" as soon as a questionnaire goes out', async () => {
    const id = await createVendor(t, 'Staged AI');
    expect(await shown(id)).toBe('prospect');
    await draft(id);
    expect(await shown(id)).toBe('prospect');

    const sent = await sendAssessment(t, id);
    expect(await shown(id)).toBe('awaiting_vendor');
    expect((await register('?status=awaiting_vendor')).map((v) => v.name)).toContain('Staged AI');
    expect((await register('?status=in_review')).map((v) => v.name)).not.toContain('Staged AI');

    const { answers, put } = await answerAll(sent.token);
    await json(await put({ 'prov.models': answers['prov.models'] }), 200);
    expect(await shown(id)).toBe('awaiting_vendor');

    await json(await put(answers), 200);
    const form = new FormData();
    form.set('questionId', 'evd.pen_test');
    form.set('file', new Blob([new Uint8Array(samplePdf())]), 'pentest.pdf');
    await json(
      await vendorCall(t, sent.token, '/api/vendor/evidence', {
        method: 'POST',
        body: form,
        from: freshAddress(),
      }),
      201,
    );
    await json(
      await vendorCall(t, sent.token, '/api/vendor/submit', { method: 'POST', from: freshAddress() }),
      200,
    );
    expect(await shown(id)).toBe('in_review');
    expect((await register('?status=in_review')).map((v) => v.name)).toContain('Staged AI');

    await json(
      await t.request(`/api/assessments/${sent.id}/start-review`, {
        method: 'POST',
        cookie: await t.signInAs('reviewer'),
        json: {},
      }),
      200,
    );
    expect(await shown(id)).toBe('in_review');
  });

  it('goes back to prospect when the only questionnaire is withdrawn', async () => {
    const id = await createVendor(t, 'Withdrawn AI');
    const sent = await sendAssessment(t, id);
    await json(
      await t.request(`/api/assessments/${sent.id}/revoke`, { method: 'POST', cookie, json: {} }),
      200,
    );
    expect(await shown(id)).toBe('prospect');
  });

  it('keeps a recorded decision while a new assessment is under way', async () => {
    const id = await createVendor(t, 'Decided AI', { status: 'approved' });
    await sendAssessment(t, id);
    expect(await shown(id)).toBe('approved');
  });

  it('refuses to record a stage the assessments decide, changing nothing', async () => {
    const id = await createVendor(t, 'Manual AI');
    for (const status of ['in_review', 'awaiting_vendor']) {
      const res = await t.request(`/api/vendors/${id}`, { method: 'PATCH', cookie, json: { status } });
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/follow the assessments/);
      expect(
        (await t.request('/api/vendors', { method: 'POST', cookie, json: { name: 'X', status } })).status,
      ).toBe(400);
    }
    expect(await shown(id)).toBe('prospect');
    expect((await t.request('/api/vendors?status=draft', { cookie })).status).toBe(400);
  });
});
