import { expect, test } from '@playwright/test';
import { signIn } from '../support/assessment-staff';
import { type RunningPortal, startPortal } from '../support/portal-process';

let portal: RunningPortal;
test.beforeAll(async () => {
  portal = await startPortal();
});
test.afterAll(async () => portal?.stop());

const csv = (lines: string[]) => ({
  name: 'people.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(lines.join('\n')),
});

test('an admin imports departments in Settings: a bad file is refused line by line and changes nothing', async ({
  page,
}) => {
  await signIn(page, portal.url, portal.admin.email, portal.admin.password);
  await page.goto(`${portal.url}/settings`);
  const section = page.getByRole('region', { name: 'People’s departments' });
  await expect(section.getByText(/ha(s|ve) a department/)).toContainText('0 people have a department');

  await section
    .getByLabel('CSV file')
    .setInputFiles(
      csv([
        'email,department,manager',
        'ada@example.com,Engineering,',
        ',Sales,',
        'bob@example.com,,',
        'ADA@example.com,Legal,',
      ]),
    );
  await section.getByRole('button', { name: 'Import departments' }).click();
  const refusal = section.getByRole('alert');
  await expect(refusal).toContainText('Nothing was imported: 3 problems in the file');
  await expect(refusal.getByRole('listitem')).toHaveText([
    'Line 3 (email): missing email',
    'Line 4 (department): empty department',
    'Line 5 (email): duplicate email: already on line 2',
  ]);
  await page.reload();
  await expect(section.getByText(/ha(s|ve) a department/)).toContainText('0 people have a department');

  await section
    .getByLabel('CSV file')
    .setInputFiles(
      csv([
        'Email,Department,Manager',
        'ada@example.com,Engineering,grace@example.com',
        'bob@example.com,Sales,',
      ]),
    );
  await section.getByRole('button', { name: 'Import departments' }).click();
  await expect(section.getByText('Imported 2 people in 2 departments.')).toBeVisible();
  await expect(section.getByText(/ha(s|ve) a department/)).toContainText(
    '2 people have a department, in 2 departments',
  );
  await expect(section.getByRole('table', { name: 'Largest departments' }).getByRole('row')).toHaveCount(3);
});
