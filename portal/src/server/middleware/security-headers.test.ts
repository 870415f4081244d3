import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assessmentTestApp,
  createVendor,
  freshAddress,
  json,
  sendAssessment,
  vendorCall,
} from '../features/assessments/assessment-test-kit';
import { samplePdf } from '../features/evidence/sample-files';
import type { TestApp } from '../testing/test-app';

const ATTACHMENT_CSP = "default-src 'none'; sandbox";

let t: TestApp;
beforeAll(async () => {
  t = await assessmentTestApp();
});
afterAll(() => t?.close());

function pdfForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new Blob([new Uint8Array(samplePdf())]), 'report.pdf');
  return form;
}

describe('security headers', () => {
  it('keep the stricter sandbox policy on a vendor document download', async () => {
    const cookie = await t.signInAs('procurement');
    const vendorId = await createVendor(t, 'Headers AI');
    const doc = await json<{ id: string }>(
      await t.request(`/api/vendors/${vendorId}/documents`, {
        method: 'POST',
        cookie,
        body: pdfForm({ title: 'Pen test', kind: 'report' }),
      }),
      201,
    );
    const file = await t.request(`/api/vendors/${vendorId}/documents/${doc.id}/file`, { cookie });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-security-policy')).toBe(ATTACHMENT_CSP);
    // The rest of the global headers still apply.
    expect(file.headers.get('x-frame-options')).toBe('DENY');
    expect(file.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it("keep the stricter sandbox policy on a vendor's evidence file served to staff", async () => {
    const sent = await sendAssessment(t, await createVendor(t, 'Evidence AI'));
    const evidence = await json<{ id: string }>(
      await vendorCall(t, sent.token, '/api/vendor/evidence', {
        method: 'POST',
        body: pdfForm({ questionId: 'evd.pen_test' }),
        from: freshAddress(),
      }),
      201,
    );
    const file = await t.request(`/api/assessments/${sent.id}/evidence/${evidence.id}/file`, {
      cookie: await t.signInAs('reviewer'),
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-security-policy')).toBe(ATTACHMENT_CSP);
  });

  it('give every other response the portal-wide policy', async () => {
    for (const path of ['/api/health', '/', '/api/no-such-route']) {
      const res = await t.request(path);
      expect(res.headers.get('content-security-policy'), path).toMatch(/script-src 'self'/);
      expect(res.headers.get('content-security-policy'), path).toMatch(/frame-ancestors 'none'/);
    }
  });
});
