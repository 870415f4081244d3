import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderAssessmentReport } from './assessment-report';
import { hasPdftotext, pdfPages, pdfWords } from './pdf-text-kit';
import { margin } from './report-document';
import { realisticReportData } from './report-fixture';

const poppler = hasPdftotext();
if (!poppler)
  console.warn('pdftotext (poppler-utils) is not installed: the text checks are skipped, pdf-lib checks run');
/** Tests that read the text back: reported as skipped, not passed, without pdftotext. */
const withText = it.skipIf(!poppler);

/** The base font names embedded in a PDF. */
async function fontNames(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  const names: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('Font')) {
      const base = object.get(PDFName.of('BaseFont'));
      if (base instanceof PDFName && object.get(PDFName.of('Subtype')) === PDFName.of('Type0'))
        names.push(base.decodeText());
    }
  }
  return names;
}

describe('assessment report PDF', () => {
  const data = realisticReportData();
  const rendering = renderAssessmentReport(data);

  it('loads back with pdf-lib, with a sane page count and the three fonts its names need', async () => {
    const bytes = await rendering;
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(8);
    expect(doc.getPageCount()).toBeLessThanOrEqual(30);
    expect(await fontNames(bytes)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^NotoSans-Regular/),
        expect.stringMatching(/^NotoSansArabic/),
        expect.stringMatching(/^NotoSansSC/),
      ]),
    );
  });

  withText('holds every part an auditor reads, in every script, with header and page numbers', async () => {
    const bytes = await rendering;
    const pages = pdfPages(bytes);
    expect(pages).toHaveLength((await PDFDocument.load(bytes)).getPageCount());
    const text = pages.join('\n');
    expect(text).toContain('深度求索');
    expect(text).toContain('محمد العلي');
    expect(text).toContain('Société Générale Ølberg');
    expect(text).toContain('Approved with conditions');
    expect(text).toContain('No personal data in prompts until the data processing agreement is signed.');
    expect(text).toContain('Zoë Lefèvre');
    expect(text).toContain(data.digest);
    for (const question of data.sections.flatMap((s) => s.questions)) expect(text).toContain(question.id);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain('Ørsted Trading GmbH · 深度求索 (DeepSeek) · DeepSeek Chat');
      expect(page).toContain(`Answers digest ${data.digest.slice(0, 16)}`);
    });
  });

  withText('keeps every word inside the right margin, long answers and unbroken URLs included', async () => {
    const words = pdfWords(await rendering);
    expect(words.some((w) => w.text.startsWith('https://trust.example.com'))).toBe(true);
    const over = words.filter((w) => w.xMax > w.pageWidth - margin + 0.5);
    expect(over).toEqual([]);
  });

  withText(
    'moves a table row that does not fit to the next page whole, under a repeated header',
    async () => {
      const pages = pdfPages(await rendering);
      const evidencePages = pages.filter((p) => p.includes('evidence-') && p.includes('SHA-256'));
      expect(evidencePages.length).toBeGreaterThanOrEqual(2);
      data.evidence.forEach((file) => {
        const withName = pages.findIndex((p) => p.includes(file.fileName.slice(0, 12)));
        expect(withName, file.fileName).toBeGreaterThan(0);
        const withHash = pages.findIndex((p) => p.includes(file.sha256.slice(0, 16)));
        expect(withHash, file.fileName).toBe(withName);
      });
    },
  );

  it('embeds no Arabic or Chinese font when nothing needs one, and stays small', async () => {
    const latin = realisticReportData({
      vendor: 'Société Générale Ølberg',
      respondent: { name: 'Åsa Nørgaard', email: 'asa@example.com' },
      organisation: 'Acme',
    });
    const json = JSON.stringify(latin).replace(/[\u0600-\u06ff\u4e00-\u9fff]+/g, 'x');
    const bytes = await renderAssessmentReport(JSON.parse(json));
    const fonts = await fontNames(bytes);
    expect(fonts.some((f) => f.startsWith('NotoSansArabic') || f.startsWith('NotoSansSC'))).toBe(false);
    expect(bytes.length).toBeLessThan((await rendering).length);
  });

  withText('prints the cycle only when the data has one', async () => {
    expect(pdfPages(await rendering)[0]).not.toContain('Cycle');
    const cycled = pdfPages(await renderAssessmentReport(realisticReportData({ cycle: 3 })));
    expect(cycled[0]).toMatch(/Cycle\s+3/);
  });
});
