import { MAX_UPLOAD_BYTES } from '@sightline/shared/assessments/upload-rules';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { sampleDocx, sampleExe, sampleJpeg, samplePdf, samplePng, sampleXlsx } from './sample-files';
import { checkUpload, cleanFileName } from './upload-check';

async function refusal(bytes: Uint8Array, name: string): Promise<AppError> {
  try {
    await checkUpload(bytes, name);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('upload check', () => {
  it.each([
    ['report.pdf', samplePdf(), 'application/pdf'],
    ['shot.png', samplePng(), 'image/png'],
    ['photo.jpeg', sampleJpeg(), 'image/jpeg'],
    ['policy.docx', sampleDocx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['caiq.xlsx', sampleXlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    [
      'notes.txt',
      new TextEncoder().encode('Our SOC 2 report is on the trust centre. Ünïcödé ok.'),
      'text/plain',
    ],
  ])('accepts %s as its sniffed type and keeps a SHA-256', async (name, bytes, type) => {
    const checked = await checkUpload(bytes, name);
    expect(checked.mediaType).toBe(type);
    expect(checked.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(checked.sizeBytes).toBe(bytes.byteLength);
  });

  it('adds the sniffed extension to a name without one', async () => {
    expect((await checkUpload(samplePdf(), 'certificate')).fileName).toBe('certificate.pdf');
  });

  it('refuses an empty file with 400', async () => {
    expect((await refusal(new Uint8Array(0), 'x.pdf')).code).toBe('bad_request');
  });

  it('refuses an oversized file with 413', async () => {
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(samplePdf());
    expect((await refusal(big, 'big.pdf')).code).toBe('payload_too_large');
  });

  it.each([
    ['an executable renamed .pdf', sampleExe(), 'invoice.pdf'],
    [
      'HTML renamed .pdf',
      new TextEncoder().encode('<!DOCTYPE html><html><script>alert(1)</script></html>'),
      'cert.pdf',
    ],
    ['HTML named .txt', new TextEncoder().encode('<html><body onload="x()">hi</body></html>'), 'notes.txt'],
    ['a PDF renamed .exe', samplePdf(), 'setup.exe'],
    ['plain text renamed .pdf', new TextEncoder().encode('just text'), 'report.pdf'],
    ['binary noise', new Uint8Array([0, 1, 2, 3, 0xff, 0xfe, 0]), 'data.txt'],
    ['invalid UTF-8', new Uint8Array([0x66, 0x6f, 0xc3, 0x28]), 'bad.txt'],
  ])('refuses %s with 415', async (_label, bytes, name) => {
    expect((await refusal(bytes, name)).code).toBe('unsupported_media_type');
  });

  it('keeps names safe for headers, download folders and screens', () => {
    expect(cleanFileName('CON')).toBe('_CON');
    expect(cleanFileName('nul.pdf')).toBe('_nul.pdf');
    expect(cleanFileName('Lpt1.tar.gz')).toBe('_Lpt1.tar.gz');
    expect(cleanFileName('console.pdf')).toBe('console.pdf');
    expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(cleanFileName('\u2066report\u2069\u200F.pdf')).toBe('report.pdf');
    expect(cleanFileName('report.pdf. . ')).toBe('report.pdf');
    expect(cleanFileName('a\u0085b\u009b.txt')).toBe('ab.txt');
    expect(cleanFileName('深度求索 报告 🤖.pdf')).toBe('深度求索 报告 🤖.pdf');
    const long = cleanFileName(`${'x'.repeat(500)}.pdf`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('gives a long name without an extension its type within 200 characters', async () => {
    const checked = await checkUpload(samplePdf(), 'y'.repeat(300));
    expect(checked.fileName).toHaveLength(199);
    expect(checked.fileName.endsWith('yyy.pdf')).toBe(true);
  });

  it('cleans file names of paths, quotes and control characters', () => {
    expect(cleanFileName('..\\..\\windows\\evil".pdf')).toBe('evil.pdf');
    expect(cleanFileName('/etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\nc.txt')).toBe('abc.txt');
    expect(cleanFileName('')).toBe('upload');
  });
});
