import { expect, test } from '@playwright/test';
import { addVendor, createAndSendAssessment, signIn } from '../support/assessment-staff';
import { type RunningPortal, startPortal } from '../support/portal-process';

let portal: RunningPortal;
test.beforeAll(async () => {
  portal = await startPortal();
});
test.afterAll(async () => portal?.stop());

const PURPOSE = /what will the service do for our organisation/;

test('two people on the questionnaire at once: a stale page never overwrites silently, the person chooses', async ({
  browser,
}) => {
  const staff = await browser.newPage();
  await signIn(staff, portal.url, portal.admin.email, portal.admin.password);
  await addVendor(staff, 'Twin Desk AI');
  const link = await createAndSendAssessment(staff, { name: 'Ines', email: 'ines@twindesk.example' });

  // Two people (here two browsers on the same link) open the questionnaire before either answers.
  const [first, second] = await Promise.all([browser.newContext(), browser.newContext()]);
  const ines = await first.newPage();
  const colleague = await second.newPage();
  await Promise.all([ines.goto(link), colleague.goto(link)]);
  await expect(colleague.getByLabel(PURPOSE)).toBeVisible();

  await ines.getByLabel(PURPOSE).fill('Drafting customer letters');
  await expect(ines.getByRole('status').filter({ hasText: /Saved at/ })).toBeVisible();

  await colleague.getByLabel(PURPOSE).fill('Translating support tickets');
  const conflict = colleague.getByRole('alert').filter({ hasText: 'saved a different answer' });
  await expect(conflict).toContainText('Drafting customer letters');
  await expect(conflict).toContainText('Ines');
  // Nothing was overwritten behind Ines's back.
  await ines.reload();
  await expect(ines.getByLabel(PURPOSE)).toHaveValue('Drafting customer letters');

  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(colleague.getByRole('status').filter({ hasText: /Saved at/ })).toBeVisible();
  await ines.reload();
  await expect(ines.getByLabel(PURPOSE)).toHaveValue('Translating support tickets');

  // The other way round: Ines edits on a page that is now behind, and keeps her colleague's answer.
  await colleague.getByLabel(PURPOSE).fill('Translating and summarising tickets');
  await expect(colleague.getByRole('status').filter({ hasText: /Saved at/ })).toBeVisible();
  await ines.getByLabel(PURPOSE).fill('Something else entirely');
  const stale = ines.getByRole('alert').filter({ hasText: 'saved a different answer' });
  await expect(stale).toContainText('Translating and summarising tickets');
  await stale.getByRole('button', { name: /Keep .*answer/ }).click();
  await expect(ines.getByLabel(PURPOSE)).toHaveValue('Translating and summarising tickets');
  await colleague.reload();
  await expect(colleague.getByLabel(PURPOSE)).toHaveValue('Translating and summarising tickets');
});
