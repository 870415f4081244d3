import { randomUUID } from 'node:crypto';
import { expect, request, test } from '@playwright/test';
import { signIn } from '../support/assessment-staff';
import { type RunningPortal, startPortal } from '../support/portal-process';
import { adminSession } from '../support/staff-accounts';

let portal: RunningPortal;
test.beforeAll(async () => {
  portal = await startPortal();
});
test.afterAll(async () => portal?.stop());

const site = (serviceId: string, host: string) => ({ serviceId, host, matchedRule: `domain:${host}` });

test('the dashboard keeps its period in the address, sets a policy for several services at once and starts an assessment in one click', async ({
  page,
}) => {
  const api = await adminSession(request, portal);
  const token = (await (await api.post('/api/enrollment-tokens', { data: { label: 'Fleet' } })).json()) as {
    token: string;
  };
  const browser = await request.newContext({ baseURL: portal.url });
  const enrolled = await browser.post('/api/ext/enroll', {
    data: {
      token: token.token,
      userHint: 'ada@example.com',
      browser: 'chrome',
      platform: 'linux',
      extensionVersion: '0.1.0',
    },
  });
  expect(enrolled.status(), await enrolled.text()).toBe(201);
  const { credential } = (await enrolled.json()) as { credential: string };
  const at = new Date(Date.now() - 60_000).toISOString();
  const sent = await browser.post('/api/ext/events', {
    headers: { authorization: `Bearer ${credential}` },
    data: {
      events: [
        site('anthropic-claude', 'claude.ai'),
        site('google-gemini', 'gemini.google.com'),
        site('perplexity', 'www.perplexity.ai'),
      ].map((s) => ({ id: randomUUID(), kind: 'visit', occurredAt: at, ...s })),
    },
  });
  expect(sent.status(), await sent.text()).toBe(200);

  await signIn(page, portal.url, portal.admin.email, portal.admin.password);
  const services = page.getByRole('table', { name: 'AI services used in the period' });
  await page.getByRole('button', { name: 'Last 7 days' }).click();
  await expect(page).toHaveURL(/\?days=7$/);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Last 7 days' })).toHaveAttribute('aria-pressed', 'true');
  await expect(
    page.locator('.headline-figures .stat').filter({ hasText: 'AI services in use' }).locator('strong'),
  ).toHaveText('3');

  await page.getByLabel('Select Claude').check();
  await page.getByLabel('Select Gemini').check();
  await page.getByRole('button', { name: 'Set policy for 2 selected' }).click();
  const form = page.getByRole('form', { name: 'Policy for the selected services' });
  await form.getByLabel('State').selectOption('approved');
  await form.getByRole('button', { name: 'Save for 2 services' }).click();
  await expect(form).toBeHidden();
  await expect(services.getByRole('row', { name: /Claude/ })).toContainText('Approved');
  await expect(services.getByRole('row', { name: /Gemini/ })).toContainText('Approved');
  const stateOf = async (id: string) => {
    const found = (await (await api.get(`/api/policy/services?q=${id}`)).json()) as {
      items: { serviceId: string; state: string }[];
    };
    return found.items.find((s) => s.serviceId === id)?.state;
  };
  expect([
    await stateOf('anthropic-claude'),
    await stateOf('google-gemini'),
    await stateOf('perplexity'),
  ]).toEqual(['approved', 'approved', 'unreviewed']);

  // No vendor on file provides Perplexity: starting its assessment creates the catalog's vendor.
  await page
    .getByRole('row', { name: /Perplexity/ })
    .getByRole('link', { name: 'Start assessment' })
    .click();
  await expect(page.getByRole('heading', { name: 'New assessment' })).toBeVisible();
  await expect(page.getByLabel('Catalog service (optional)')).toHaveValue('perplexity');
  await page.getByLabel('Respondent name').fill('Security team');
  await page.getByLabel('Respondent email').fill('security@perplexity.example');
  await page.getByRole('button', { name: 'Save as draft' }).click();
  await expect(page).toHaveURL(/\/assessments\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('link', { name: 'Perplexity AI' })).toBeVisible();

  await page.goto(`${portal.url}/services/anthropic-claude?days=7`);
  await expect(page.getByRole('heading', { name: /Claude/ })).toContainText('Approved');
  await expect(page.getByText('Unreviewed → Approved (several services at once)')).toBeVisible();
  await api.dispose();
  await browser.dispose();
});
