import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { storedFile } from '@sightline/db/schema/files';
import { eq } from 'drizzle-orm';
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
import { samplePdf } from '../evidence/sample-files';

// Hostile file names in uploads: whatever a vendor's browser sends as the name, the file is stored
// (in the database: uploads never touch the portal's file system) under a clean last segment, and
// staff download it with a Content-Disposition that cannot break out of the header.
let t: TestApp;
let sent: { id: string; token: string };
let reviewer: string;
beforeAll(async () => {
  t = await assessmentTestApp();
  sent = await sendAssessment(t, await createVendor(t, 'Names Ltd'));
  reviewer = await t.signInAs('reviewer');
});
afterAll(() => t?.close());

const pdf = new Uint8Array(samplePdf());
const text = new TextEncoder().encode('Our policies are on the trust centre.');

/** Raw name sent → bytes → what the stored name must be. */
const cases: [string, Uint8Array, string][] = [
  ['../../etc/passwd', text, 'passwd.txt'],
  ['..\\..\\windows\\system32\\notes.txt', text, 'notes.txt'],
  ['/var/lib/sightline/../../root/.ssh/authorized_keys.txt', text, 'authorized_keys.txt'],
  ['dir/sub\\evil.pdf', pdf, 'evil.pdf'],
  ['report\u0000.pdf', pdf, 'report.pdf'],
  ['CON.pdf', pdf, '_CON.pdf'],
  ['nul', pdf, '_nul.pdf'],
  ['LPT1.txt', text, '_LPT1.txt'],
  ['invoice\u202Etxt.pdf', pdf, 'invoicetxt.pdf'],
  ['report.pdf. . ', pdf, 'report.pdf'],
  ['深度求索 安全报告 🤖.pdf', pdf, '深度求索 安全报告 🤖.pdf'],
  ['تقرير.pdf', pdf, 'تقرير.pdf'],
  ["O'Brien (final) *v2*.pdf", pdf, "O'Brien (final) *v2*.pdf"],
  ['..', pdf, 'upload.pdf'],
  [`${'long-'.repeat(100)}.pdf`, pdf, `${'long-'.repeat(100)}.pdf`.slice(-200)],
];

function upload(bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.set('questionId', 'evd.pen_test');
  form.set('file', new Blob([new Uint8Array(bytes)]), name);
  return vendorCall(t, sent.token, '/api/vendor/evidence', {
    method: 'POST',
    body: form,
    from: freshAddress(),
  });
}

describe('file names of uploads', () => {
  it('are stored as a clean last segment and downloaded with a header that holds them safely', async () => {
    const before = new Set(readdirSync(tmpdir()));
    for (const [raw, bytes, stored] of cases) {
      const evidence = await json<{ id: string; fileName: string }>(await upload(bytes, raw), 201);
      expect(evidence.fileName, JSON.stringify(raw)).toBe(stored);
      const res = await t.request(`/api/assessments/${sent.id}/evidence/${evidence.id}/file`, {
        cookie: reviewer,
      });
      expect(res.status).toBe(200);
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
      const disposition = res.headers.get('content-disposition') ?? '';
      expect(disposition).not.toMatch(/[\r\n\0]/);
      const [, ascii, encoded] =
        /^attachment; filename="([\x20-\x21\x23-\x5b\x5d-\x7e]*)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/.exec(
          disposition,
        ) ?? [];
      expect(ascii, disposition).toBeDefined();
      expect(decodeURIComponent(encoded!)).toBe(stored);
    }
    // The bytes live in the database, under the cleaned name.
    const rows = await t.deps.db.select({ fileName: storedFile.fileName }).from(storedFile);
    for (const [, , stored] of cases) expect(rows.map((r) => r.fileName)).toContain(stored);
    const [passwd] = await t.deps.db.select().from(storedFile).where(eq(storedFile.fileName, 'passwd.txt'));
    expect(new Uint8Array(passwd!.content)).toEqual(text);
    // And nothing landed next to the portal under any of those names.
    const added = readdirSync(tmpdir()).filter((f) => !before.has(f));
    expect(added.filter((f) => /passwd|authorized_keys|evil|CON|LPT1|win\.ini/i.test(f))).toEqual([]);
  });

  it('cannot disguise a type by a name: the extension must agree with the bytes', async () => {
    for (const name of ['invoice\u202Efdp.exe', 'report.pdf.exe', 'notes.txt\u0000.pdf']) {
      const res = await upload(name.endsWith('.pdf') ? text : pdf, name);
      expect(res.status, JSON.stringify(name)).toBe(415);
    }
  });
});
