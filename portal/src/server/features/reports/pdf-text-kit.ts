import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Test helper: whether poppler's pdftotext is installed (CI installs poppler-utils). */
export function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function withFile<T>(bytes: Uint8Array, run: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-pdf-'));
  try {
    const path = join(dir, 'report.pdf');
    writeFileSync(path, bytes);
    return run(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page, as pdftotext extracts it (pages split on form feeds). */
export function pdfPages(bytes: Uint8Array): string[] {
  return withFile(bytes, (path) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
      .split('\f')
      .slice(0, -1),
  );
}

export type PdfWord = { page: number; text: string; xMin: number; xMax: number; pageWidth: number };

/** Every word with its box, from `pdftotext -bbox`. */
export function pdfWords(bytes: Uint8Array): PdfWord[] {
  const html = withFile(bytes, (path) =>
    execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    }),
  );
  const words: PdfWord[] = [];
  let page = 0;
  let pageWidth = 0;
  for (const line of html.split('\n')) {
    const pageMatch = line.match(/<page width="([\d.]+)"/);
    if (pageMatch) {
      page += 1;
      pageWidth = Number(pageMatch[1]);
      continue;
    }
    const word = line.match(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*)<\/word>/);
    if (word) words.push({ page, pageWidth, xMin: Number(word[1]), xMax: Number(word[2]), text: word[3]! });
  }
  return words;
}
