import { expect, test } from '@playwright/test';
import { addVendor, createAndSendAssessment, signIn } from '../support/assessment-staff';
import { type RunningPortal, startPortal } from '../support/portal-process';

let portal: RunningPortal;
test.beforeAll(async () => {
  portal = await startPortal();
});
test.afterAll(async () => portal?.stop());

const MODELS = /Which AI models produce the outputs of the service/;

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
  await expect(colleague.getByLabel(MODELS)).toBeVisible();

  await ines.getByLabel(MODELS).fill('GPT-4o from OpenAI');
  await expect(ines.getByRole('status').filter({ hasText: /Saved at/ })).toBeVisible();

  await colleague.getByLabel(MODELS).fill('Mistral Large from Mistral AI');
  const conflict = colleague.getByRole('alert').filter({ hasText: 'saved a different answer' });
  await expect(conflict).toContainText('GPT-4o from OpenAI');
  await expect(conflict).toContainText('Ines');
  // Nothing was overwritten behind Ines's back.
  await ines.reload();
  await expect(ines.getByLabel(MODELS)).toHaveValue('GPT-4o from OpenAI');

  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(colleague.getByRole('status').filter({ hasText: /Saved at/ })).toBeVisible();
  await ines.reload();
  await expect(ines.getByLabel(MODELS)).toHaveValue('Mistral Large from Mistral AI');

  // The other way round: Ines edits on a page that is now behind, and keeps her colleague's answer.
  await colleague.getByLabel(MODELS).fill('Mistral Large and Codestral from Mistral AI');
  await expect(colleague.getByRole('status').filter({ hasText: /Saved at/ })).toBeVisible();
  await ines.getByLabel(MODELS).fill('Something else entirely');
  const stale = ines.getByRole('alert').filter({ hasText: 'saved a different answer' });
  await expect(stale).toContainText('Mistral Large and Codestral from Mistral AI');
  await stale.getByRole('button', { name: /Keep .*answer/ }).click();
  await expect(ines.getByLabel(MODELS)).toHaveValue('Mistral Large and Codestral from Mistral AI');
  await colleague.reload();
  await expect(colleague.getByLabel(MODELS)).toHaveValue('Mistral Large and Codestral from Mistral AI');
});
