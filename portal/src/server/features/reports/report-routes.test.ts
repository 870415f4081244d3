import type { StaffRole } from '@sightline/shared/auth/roles';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import {
  assessmentTestApp,
  completeAnswers,
  createVendor,
  freshAddress,
  json,
  sendAssessment,
  vendorCall,
} from '../assessments/assessment-test-kit';
import { submittedAssessment } from '../findings/submitted-assessment';
import { hasPdftotext, pdfPages } from './pdf-text-kit';

let t: TestApp;
let id: string;
beforeAll(async () => {
  t = await assessmentTestApp();
  const vendorId = await createVendor(t, '深度求索 Société Ølberg');
  id = (await submittedAssessment(t, vendorId)).id;
});
afterAll(() => t?.close());

const readers: StaffRole[] = ['admin', 'procurement', 'reviewer', 'approver', 'auditor'];
const download = async (path: string, role: StaffRole = 'auditor') =>
  t.request(path, { cookie: await t.signInAs(role) });

/** The full digest printed on the cover. */
function digestOf(bytes: Uint8Array): string {
  const match = pdfPages(bytes)[0]?.match(/\b[0-9a-f]{64}\b/);
  if (!match) throw new Error('no digest on the cover');
  return match[0];
}

describe('GET /api/assessments/:id/report.pdf', () => {
  it('gives every reader a PDF named after the vendor, and refuses everyone else', async () => {
    for (const role of readers) {
      const res = await download(`/api/assessments/${id}/report.pdf`, role);
      expect(res.status, role).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const disposition = res.headers.get('content-disposition') ?? '';
      expect(disposition).toMatch(
        /^attachment; filename="Societe-Olberg_\d{4}-\d{2}-\d{2}\.pdf"; filename\*=UTF-8''/,
      );
      expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(
        /^深度求索 Société Ølberg - .*\.pdf$/,
      );
      const doc = await PDFDocument.load(new Uint8Array(await res.arrayBuffer()));
      expect(doc.getPageCount()).toBeGreaterThan(3);
    }
    expect((await download(`/api/assessments/${id}/report.pdf`, 'viewer')).status).toBe(403);
    expect((await t.request(`/api/assessments/${id}/report.pdf`)).status).toBe(401);
  });

  it('answers 404 for an unknown assessment and 400 for a malformed id', async () => {
    expect((await download('/api/assessments/00000000-0000-4000-8000-000000000000/report.pdf')).status).toBe(
      404,
    );
    const bad = await download('/api/assessments/not-an-id/report.pdf');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'bad_request' } });
  });

  it('prints the same digest for the same answers, and another once an answer changes', async () => {
    if (!hasPdftotext()) throw new Error('pdftotext (poppler-utils) is needed to read the digest back');
    const vendorId = await createVendor(t, 'Digest Check Ltd');
    const sent = await sendAssessment(t, vendorId);
    const view = await json<{ template: Parameters<typeof completeAnswers>[0] }>(
      await vendorCall(t, sent.token, '/api/vendor/assessment', { from: freshAddress() }),
      200,
    );
    const answers = completeAnswers(view.template, {});
    const save = async (given: Record<string, unknown>) =>
      json(
        await vendorCall(t, sent.token, '/api/vendor/answers', {
          method: 'PUT',
          json: { answers: given },
          from: freshAddress(),
        }),
        200,
      );
    await save(answers);
    const pdf = async () =>
      new Uint8Array(await (await download(`/api/assessments/${sent.id}/report.pdf`)).arrayBuffer());
    const firstPdf = await pdf();
    expect(pdfPages(firstPdf)[0]).toMatch(/Cycle\s+1/);
    const first = digestOf(firstPdf);
    t.clock.advanceDays(1);
    expect(digestOf(await pdf())).toBe(first);
    await save({ ...answers, 'prov.models': { value: 'Our own model, version 7, fine-tuned in house' } });
    expect(digestOf(await pdf())).not.toBe(first);
  });
});

describe('GET /api/inventory/register.pdf', () => {
  it('gives every reader the register as a landscape PDF, and refuses viewers', async () => {
    await json(
      await t.request('/api/inventory', {
        method: 'POST',
        cookie: await t.signInAs('admin'),
        json: {
          name: 'Contract summariser',
          purpose: 'Summarises supplier contracts for legal',
          owner: 'Legal',
        },
      }),
      201,
    );
    for (const role of readers) {
      const res = await download('/api/inventory/register.pdf', role);
      expect(res.status, role).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const doc = await PDFDocument.load(new Uint8Array(await res.arrayBuffer()));
      const page = doc.getPage(0);
      expect(page.getWidth()).toBeGreaterThan(page.getHeight());
    }
    expect((await download('/api/inventory/register.pdf', 'viewer')).status).toBe(403);
    if (hasPdftotext()) {
      const bytes = new Uint8Array(await (await download('/api/inventory/register.pdf')).arrayBuffer());
      expect(pdfPages(bytes).join('\n')).toContain('Contract summariser');
    }
  });
});
