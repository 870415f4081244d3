// `pnpm bench:pdf`: the 90-question assessment report (20 evidence files, a Chinese vendor name, an
// Arabic contact) rendered by Sightline's pdf-lib renderer, against the same content as an HTML page
// printed to PDF by a warm headless Chromium (launched once, warmed up, then setContent + pdf per
// run). Runs interleave so the drift of a shared machine hits both alike; medians are compared.
import { chromium } from '@playwright/test';
import { renderAssessmentReport } from '@sightline/portal/server/features/reports/assessment-report';
import { realisticReportData } from '@sightline/portal/server/features/reports/report-fixture';
import { chromiumArgs, chromiumPath } from '../e2e/support/chromium';
import { median } from './extension-bench-support';
import { reportHtml } from './report-html';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARM_UP = 10;

const data = realisticReportData();
const html = reportHtml(data);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  const page = await browser.newPage();
  const footer =
    '<div style="font-size:7px;width:100%;text-align:right;margin-right:48px">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>';
  const chrome = async () => {
    await page.setContent(html);
    return page.pdf({
      format: 'A4',
      margin: { top: '64px', bottom: '64px', left: '48px', right: '48px' },
      displayHeaderFooter: true,
      headerTemplate: `<div style="font-size:7px;margin-left:48px">${data.organisation} · ${data.vendor}</div>`,
      footerTemplate: footer,
    });
  };
  const sightline = () => renderAssessmentReport(data);

  let pdfBytes = 0;
  let chromeBytes = 0;
  for (let i = 0; i < WARM_UP; i++) {
    pdfBytes = (await sightline()).length;
    chromeBytes = (await chrome()).length;
  }
  const pdfMs: number[] = [];
  const chromeMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 === 0 ? ['pdf', 'chrome'] : ['chrome', 'pdf'];
    for (const which of order) {
      const start = performance.now();
      if (which === 'pdf') await sightline();
      else await chrome();
      (which === 'pdf' ? pdfMs : chromeMs).push(performance.now() - start);
    }
  }
  const pdf = median(pdfMs);
  const chromeMedian = median(chromeMs);
  const speedup = chromeMedian / pdf;
  console.log(
    `Assessment report, 90 questions, 20 evidence files, ${RUNS} runs each after ${WARM_UP} warm-up runs`,
  );
  console.log(`Sightline (pdf-lib):        median ${pdf.toFixed(1)} ms, ${(pdfBytes / 1024).toFixed(1)} KB`);
  console.log(
    `Chromium (warm, page.pdf):  median ${chromeMedian.toFixed(1)} ms, ${(chromeBytes / 1024).toFixed(1)} KB`,
  );
  console.log(
    `Speed-up: ${speedup.toFixed(1)}× (goal ≥ 10×); PDF size goal < 300 KB: ${pdfBytes < 300 * 1024 ? 'met' : 'missed'}`,
  );
  console.log(
    JSON.stringify({
      pdfMs: Number(pdf.toFixed(1)),
      chromeMs: Number(chromeMedian.toFixed(1)),
      speedup: Number(speedup.toFixed(1)),
      pdfBytes,
    }),
  );
} finally {
  await browser.close();
}
