import { storedFile } from '@sightline/db/schema/files';
import { MAX_UPLOAD_BYTES } from '@sightline/shared/assessments/upload-rules';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import {
  assessmentTestApp,
  createVendor,
  freshAddress,
  json,
  sendAssessment,
  vendorCall,
} from '../assessments/assessment-test-kit';
import { sampleDocx, sampleExe, samplePdf, sampleXlsx } from '../evidence/sample-files';

let t: TestApp;
let sent: { id: string; token: string };
beforeAll(async () => {
  t = await assessmentTestApp();
  sent = await sendAssessment(t, await createVendor(t));
});
afterAll(() => t?.close());

function upload(
  bytes: Uint8Array,
  name: string,
  fields: Record<string, string> = { questionId: 'evd.pen_test' },
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new Blob([new Uint8Array(bytes)]), name);
  return vendorCall(t, sent.token, '/api/vendor/evidence', {
    method: 'POST',
    body: form,
    from: freshAddress(),
  });
}
const storedCount = async () => (await t.deps.db.select({ n: count() }).from(storedFile))[0]!.n;

describe('vendor evidence upload', () => {
  it('accepts the allowed types, keeps a SHA-256 and lets staff download each as an attachment', async () => {
    const pdf = await json<{ id: string; mediaType: string }>(await upload(samplePdf(), 'pentest.pdf'), 201);
    await json(await upload(sampleDocx(), 'summary.docx'), 201);
    await json(await upload(sampleXlsx(), 'caiq.xlsx'), 201);
    await json(await upload(new TextEncoder().encode('See https://trust.acme.example'), 'links.txt'), 201);
    const res = await t.request(`/api/assessments/${sent.id}/evidence/${pdf.id}/file`, {
      cookie: await t.signInAs('reviewer'),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-file-sha256')).toMatch(/^[0-9a-f]{64}$/);
    const detail = await json<{ evidence: { sha256: string }[] }>(
      await t.request(`/api/assessments/${sent.id}`, { cookie: await t.signInAs('reviewer') }),
      200,
    );
    expect(detail.evidence).toHaveLength(4);
  });

  it('refuses an empty file (400), an oversized one (413) and a disguised type (415), storing nothing', async () => {
    const before = await storedCount();
    expect((await upload(new Uint8Array(0), 'empty.pdf')).status).toBe(400);
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1024);
    big.set(samplePdf());
    const tooBig = await upload(big, 'big.pdf');
    expect(tooBig.status).toBe(413);
    expect((await upload(sampleExe(), 'report.pdf')).status).toBe(415);
    const html = new TextEncoder().encode(
      '<!doctype html><html><body><script>steal()</script></body></html>',
    );
    expect((await upload(html, 'certificate.pdf')).status).toBe(415);
    expect(await storedCount()).toBe(before);
  });

  it('asks for the expiry date of a certificate and refuses questions that take no files', async () => {
    const cert = { questionId: 'evd.other_certificates' };
    const missing = await upload(samplePdf(), 'iso27001.pdf', cert);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toMatch(/expiry date/);
    await json(await upload(samplePdf(), 'iso27001.pdf', { ...cert, expiresOn: '2099-01-31' }), 201);
    expect((await upload(samplePdf(), 'x.pdf', { questionId: 'profile.purpose' })).status).toBe(400);
    expect((await upload(samplePdf(), 'x.pdf', { questionId: 'no.such' })).status).toBe(400);
    expect((await upload(samplePdf(), 'x.pdf', {})).status).toBe(400);
    const notMultipart = await vendorCall(t, sent.token, '/api/vendor/evidence', {
      method: 'POST',
      json: {},
      from: freshAddress(),
    });
    expect(notMultipart.status).toBe(400);
  });

  it('lets the vendor remove a file of their own', async () => {
    const created = await json<{ id: string }>(await upload(samplePdf(), 'old.pdf'), 201);
    await json(
      await vendorCall(t, sent.token, `/api/vendor/evidence/${created.id}`, {
        method: 'DELETE',
        from: freshAddress(),
      }),
      200,
    );
    expect(
      (
        await vendorCall(t, sent.token, `/api/vendor/evidence/${created.id}`, {
          method: 'DELETE',
          from: freshAddress(),
        })
      ).status,
    ).toBe(404);
  });
});
