import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { addVendor, createAndSendAssessment, signIn } from '../support/assessment-staff';
import { type RunningPortal, startPortal } from '../support/portal-process';

let portal: RunningPortal;
test.beforeAll(async () => {
  portal = await startPortal();
});
test.afterAll(async () => {
  await portal?.stop();
});

/** The text pdftotext reads from a downloaded file. */
function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

test('staff download the assessment report and the AI system register as PDFs from their pages', async ({
  page,
}) => {
  await signIn(page, portal.url, portal.admin.email, portal.admin.password);
  await addVendor(page, '深度求索 Ølberg');
  await createAndSendAssessment(page, { name: 'محمد العلي', email: 'm.alali@example.com' });

  // Chromium saves a file as "download" when it cannot name it (no UTF-8 locale: see chromiumEnv);
  // a wrong name says what the portal answered, so the cause is plain.
  const reportDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download report (PDF)' }).click();
  const report = await reportDownload;
  const failure = await report.failure();
  if (failure) {
    const again = await page.request.get(report.url());
    throw new Error(`report download failed (${failure}); ${report.url()} now answers ${again.status()}`);
  }
  if (!/^深度求索 Ølberg - \d{4}-\d{2}-\d{2}\.pdf$/.test(report.suggestedFilename())) {
    const again = await page.request.get(report.url());
    throw new Error(
      `report saved as "${report.suggestedFilename()}"; ${report.url()} now answers ${again.status()} ` +
        `with content-disposition ${again.headers()['content-disposition']}`,
    );
  }
  const reportPath = await report.path();
  expect(readFileSync(reportPath).subarray(0, 5).toString()).toBe('%PDF-');
  const text = pdfText(reportPath);
  expect(text).toContain('深度求索 Ølberg');
  expect(text).toContain('محمد العلي');
  expect(text).toContain('No decision has been taken on this assessment yet.');

  await page.getByRole('link', { name: 'AI system inventory' }).click();
  const registerDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download register (PDF)' }).click();
  const register = await registerDownload;
  expect(register.suggestedFilename()).toMatch(/AI system register - \d{4}-\d{2}-\d{2}\.pdf$/);
  expect(pdfText(await register.path())).toContain('AI system register');
});
