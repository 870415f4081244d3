import { readFileSync } from 'node:fs';
import { expect, request, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { signIn } from '../support/assessment-staff';
import { type RunningPortal, startPortal } from '../support/portal-process';
import { adminSession } from '../support/staff-accounts';

let portal: RunningPortal;
test.beforeAll(async () => {
  portal = await startPortal();
});
test.afterAll(async () => portal?.stop());

test("the vendors page's Download CSV link saves the filtered register as a spreadsheet reads it", async ({
  page,
}) => {
  const api = await adminSession(request, portal);
  for (const name of ['深度求索, "DeepSeek"', '=HYPERLINK("http://evil") 深度', 'Acme AI Ltd']) {
    expect((await api.post('/api/vendors', { data: { name } })).status()).toBe(201);
  }
  await signIn(page, portal.url, portal.admin.email, portal.admin.password);
  await page.getByRole('link', { name: 'Vendors', exact: true }).click();
  await page.getByLabel('Search').fill('深度');
  await expect(page.getByRole('table')).not.toContainText('Acme AI Ltd');

  const link = page.getByRole('link', { name: 'Download CSV' });
  await expect(link).toHaveAttribute('href', `/api/vendors/export.csv?q=${encodeURIComponent('深度')}`);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^vendors-\d{4}-\d{2}-\d{2}\.csv$/);

  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(bytes, { bom: true }) as string[][];
  expect(rows[0]?.[0]).toBe('Vendor');
  expect(rows.slice(1).map((r) => r[0])).toEqual([
    '\'=HYPERLINK("http://evil") 深度',
    '深度求索, "DeepSeek"',
  ]);
  await api.dispose();
});
