import { expect, test } from '@playwright/test';
import { addVendor, createAndSendAssessment, signIn } from '../support/assessment-staff';
import { answerVisibleQuestions, expectAccessible } from '../support/assessment-vendor-page';
import { type RunningPortal, startPortal } from '../support/portal-process';

let portal: RunningPortal;
test.beforeAll(async () => {
  portal = await startPortal();
});
test.afterAll(async () => portal?.stop());

const MODELS = /Which AI models produce the outputs of the service/;

test('without SMTP the link is shown once; a reviewer questions one answer and only that one reopens', async ({
  browser,
}) => {
  const staff = await browser.newPage();
  await signIn(staff, portal.url, portal.admin.email, portal.admin.password);
  await addVendor(staff, 'Nordlicht KI GmbH');
  const link = await createAndSendAssessment(staff, {
    name: 'Jörg Åström',
    email: 'joerg@nordlicht.example',
  });
  expect(link).toMatch(new RegExp(`^${portal.url}/v#[A-Za-z0-9_-]{43}$`));
  await staff.reload();
  await expect(staff.getByTestId('assessment-state')).toHaveText('Sent');
  await expect(staff.getByLabel('Questionnaire link')).toHaveCount(0);
  // The outbox worker parks the mail as held (no SMTP) within a few seconds.
  await expect(async () => {
    await staff.reload();
    await expect(staff.getByRole('cell', { name: /^held/ })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });

  const vendorContext = await browser.newContext();
  const vendor = await vendorContext.newPage();
  await vendor.goto(link);
  await answerVisibleQuestions(vendor);
  await expect(vendor.getByRole('status').filter({ hasText: /Saved at/ })).toBeVisible();

  // Procurement resends while the vendor is still on the page: the old tab says plainly that its
  // link was replaced; the new link carries on with every saved answer.
  await staff.getByRole('button', { name: 'Resend a new link' }).click();
  const resentLink = await staff.getByLabel('Questionnaire link').inputValue();
  expect(resentLink).not.toBe(link);
  await vendor.getByLabel(MODELS).fill('Changed on a stale tab');
  await expect(vendor.getByRole('alert').filter({ hasText: /replaced by a newer one/ })).toBeVisible();
  await vendor.goto('about:blank');
  await vendor.goto(resentLink);
  await expect(vendor.getByLabel(MODELS)).not.toHaveValue('Changed on a stale tab');
  await vendor.getByRole('button', { name: 'Submit answers' }).click();
  await expect(vendor.getByText(/^Submitted on/)).toBeVisible();

  await staff.reload();
  await expect(staff.getByTestId('assessment-state')).toHaveText('Submitted');
  const modelsRow = staff.locator('[id="answer-prov.models"]');
  await modelsRow.getByText('Question this answer').click();
  await modelsRow.getByLabel('Comment for the vendor').fill('Which version of each model, and who hosts it?');
  await modelsRow.getByRole('button', { name: 'Add comment' }).click();
  await expect(modelsRow.getByText(/Which version of each model.*\(open\)/)).toBeVisible();
  await staff.getByRole('button', { name: 'Request changes (1 comment)' }).click();
  await expect(staff.getByTestId('assessment-state')).toHaveText('Changes requested');
  const newLink = await staff.getByLabel('Questionnaire link').inputValue();
  expect(newLink).not.toBe(resentLink);

  // The old link now names whom to contact; the new one opens only the questioned answer.
  await vendor.goto('about:blank');
  await vendor.goto(resentLink);
  await expect(vendor.getByRole('heading', { name: 'This link is no longer valid' })).toBeVisible();
  await expect(vendor.getByRole('alert')).toContainText('admin@sightline.local');
  await vendor.goto('about:blank');
  await vendor.goto(newLink);
  await expect(vendor.getByText(/questions about 1 of your answers/)).toBeVisible();
  await expect(vendor.getByText('Which version of each model, and who hosts it?')).toBeVisible();
  const models = vendor.getByLabel(MODELS);
  await expect(models).toBeEnabled();
  await expect(vendor.locator('[id="q-evd.trust_centre"]')).toBeDisabled();
  await expectAccessible(vendor);
  await models.fill('Claude Sonnet 4 from Anthropic, run for us on AWS Bedrock in Frankfurt.');
  await expect(vendor.getByRole('status').filter({ hasText: /Saved at/ })).toBeVisible();
  await vendor.getByRole('button', { name: 'Submit changes' }).click();
  await expect(vendor.getByText(/^Submitted on/)).toBeVisible();
  await vendorContext.close();

  await staff.reload();
  await expect(staff.getByTestId('assessment-state')).toHaveText('Submitted');
  await expect(modelsRow).toContainText(
    'Claude Sonnet 4 from Anthropic, run for us on AWS Bedrock in Frankfurt.',
  );
  await expect(staff.getByText(/Which version of each model.*answered by the vendor/)).toBeVisible();
});
