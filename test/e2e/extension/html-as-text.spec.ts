import { randomUUID } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { pdfPages } from '@sightline/portal/server/features/reports/pdf-text-kit';
import { signIn } from '../support/assessment-staff';
import { type EnrolledExtension, startEnrolledExtension } from '../support/enrolled-extension';
import { EXTENSION_ID, type ExtensionBrowser } from '../support/extension-browser';
import type { FakeSites } from '../support/extension-fake-sites';

// Markup typed anywhere a person, a browser or a vendor can type is shown as the text it is: in the
// staff app, on the vendor page, on the extension's warning page and banner, and in a PDF report. No
// script runs (no dialog opens), no element is made from it, and the pages break no CSP rule.
const ORG = 'Acme <img src=x onerror=alert("org")>';
const SERVICE = 'Sandbox <img src=x onerror=alert("service")>';
const SERVICE_VENDOR = '<script>alert("catalog")</script> Labs';
const CONDITIONS = '"><svg onload=alert("conditions")> Public data only';
const VENDOR = 'Evil <b onmouseover=alert("vendor")>Corp</b>';
const PURPOSE = '<iframe src="javascript:alert(`purpose`)"></iframe> drafting';
const RESPONDENT = '<img src=x onerror=alert("respondent")> Vera';
const JUSTIFICATION = '<script>alert("request")</script> I need it for drafting';
const USER = '<img src=x onerror=alert("user")>@acme.example';

let running: EnrolledExtension;
let sites: FakeSites;
let browser: ExtensionBrowser;
let call: <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => Promise<T>;
let vendorLink: string;
let assessmentId: string;
let vendorId: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(150_000);
  running = await startEnrolledExtension({
    prepare: async (admin) => {
      await admin.settings({ mode: 'coach', name: ORG, pseudonymiseUsers: false });
      await admin.addCustomEntry({
        id: 'acme-llm-sandbox',
        name: SERVICE,
        vendor: SERVICE_VENDOR,
        website: 'https://llm-sandbox.acme.test/',
        category: 'conversational',
        rules: [{ kind: 'host', value: 'llm-sandbox.acme.test' }],
      });
      await admin.setPolicy('acme-llm-sandbox', {
        state: 'unapproved',
        alternativeServiceId: 'openai-chatgpt',
      });
      await admin.setPolicy('perplexity', { state: 'conditional', conditions: CONDITIONS });
    },
  });
  ({ sites, browser } = running);
  const { portal } = running;
  const signedIn = await fetch(`${portal.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: portal.url },
    body: JSON.stringify(portal.admin),
  });
  const cookie = signedIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  call = async (method, path, body) => {
    const res = await fetch(`${portal.url}${path}`, {
      method,
      headers: { cookie, origin: portal.url, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };

  vendorId = (await call<{ id: string }>('POST', '/api/vendors', { name: VENDOR, modelProviders: [SERVICE] }))
    .id;
  const sent = await call<{ id: string; link: string }>('POST', '/api/assessments', {
    vendorId,
    serviceId: 'acme-llm-sandbox',
    respondentName: RESPONDENT,
    respondentEmail: 'vera@evil.example',
    dueOn: new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10),
    send: true,
    useContext: {
      purpose: PURPOSE,
      dataCategories: ['internal'],
      expectedUsers: 10,
      decisionsAboutPeople: 'none',
      autonomy: 'none',
      euAiActClass: 'minimal',
    },
  });
  assessmentId = sent.id;
  vendorLink = sent.link;
  // A second browser asks for access, its user named in markup.
  const { token } = await call<{ token: string }>('POST', '/api/enrollment-tokens', { label: 'Markup' });
  const device = (await (
    await fetch(`${portal.url}/api/ext/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, userHint: USER }),
    })
  ).json()) as { credential: string };
  const asked = await fetch(`${portal.url}/api/ext/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${device.credential}` },
    body: JSON.stringify({
      clientRequestId: randomUUID(),
      serviceId: 'acme-llm-sandbox',
      justification: JUSTIFICATION,
      intendedUse: PURPOSE,
      dataCategories: ['internal'],
    }),
  });
  expect(asked.status).toBeLessThan(300);
});

test.afterAll(async () => {
  await running?.stop();
});

/** Dialogs a page opens and CSP violations it reports, for the whole life of the page. */
function watch(page: Page): { dialogs: string[]; csp: string[] } {
  const seen = { dialogs: [] as string[], csp: [] as string[] };
  page.on('dialog', async (dialog) => {
    seen.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.csp.push(message.text());
  });
  return seen;
}

/** The text appears as written, and nothing in the page was made from it. */
async function expectShownAsText(page: Page, texts: string[]) {
  for (const text of texts) await expect(page.getByText(text).first(), text).toBeVisible();
  await expect(page.locator('img[src="x"], iframe, [onerror], [onload], [onmouseover]')).toHaveCount(0);
  const scripts = await page
    .locator('script')
    .evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).src || el.textContent || ''));
  expect(scripts.filter((s) => /alert/.test(s))).toEqual([]);
}

test('the staff app shows markup in names, requests and contexts as text', async () => {
  const page = await browser.context.newPage();
  const seen = watch(page);
  await signIn(page, running.portal.url, running.portal.admin.email, running.portal.admin.password);
  await page.goto(`${running.portal.url}/vendors`);
  await expectShownAsText(page, [VENDOR]);
  await page.goto(`${running.portal.url}/vendors/${vendorId}`);
  await expectShownAsText(page, [VENDOR]);
  // In a form the text is a field's value, as typed.
  await expect(page.getByLabel('Model providers they rely on')).toHaveValue(SERVICE);
  await page.goto(`${running.portal.url}/assessments/${assessmentId}`);
  await expectShownAsText(page, [RESPONDENT, PURPOSE]);
  await page.goto(`${running.portal.url}/requests`);
  await expectShownAsText(page, [JUSTIFICATION, USER]);
  await page.goto(`${running.portal.url}/catalog`);
  await page.getByRole('searchbox', { name: 'Search' }).fill('Sandbox');
  await expectShownAsText(page, [SERVICE]);
  await page.goto(`${running.portal.url}/policy`);
  await page.getByLabel('Find a service').fill('Perplexity');
  await expectShownAsText(page, [CONDITIONS]);
  expect(seen.dialogs).toEqual([]);
  expect(seen.csp).toEqual([]);
  await page.close();
});

test('the vendor page shows the organisation and the use context as text', async () => {
  const page = await browser.context.newPage();
  const seen = watch(page);
  await page.goto(vendorLink);
  await expectShownAsText(page, [PURPOSE]);
  await expect(page.getByText(ORG).first()).toBeVisible();
  expect(seen.dialogs).toEqual([]);
  expect(seen.csp).toEqual([]);
  await page.close();
});

test("the extension's warning page and banner show service, vendor, organisation and conditions as text", async () => {
  const page = await browser.context.newPage();
  const seen = watch(page);
  await page.goto(sites.url('llm-sandbox.acme.test', '/chat'));
  await expect(page).toHaveURL(new RegExp(`^chrome-extension://${EXTENSION_ID}/warning\\.html#`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${SERVICE} is not approved by ${ORG}`);
  await expectShownAsText(page, [SERVICE_VENDOR]);
  expect(await page.title()).toBe(`${SERVICE} is not approved`);

  await page.goto(sites.url('perplexity.ai', '/search?q=x'));
  const banner = page.locator('sightline-banner').getByRole('status');
  await expect(banner).toContainText(CONDITIONS);
  await expect(page.locator('sightline-banner').locator('svg, img, iframe, [onload]')).toHaveCount(0);
  expect(seen.dialogs).toEqual([]);
  await page.close();
});

test('a PDF report carries the markup as plain text', async () => {
  const res = await fetch(`${running.portal.url}/api/assessments/${assessmentId}/report.pdf`, {
    headers: { cookie: await adminCookie() },
  });
  expect(res.status).toBe(200);
  const text = pdfPages(new Uint8Array(await res.arrayBuffer()))
    .join('\n')
    .replace(/\s+/g, ' ');
  for (const literal of [VENDOR, ORG, RESPONDENT]) expect(text, literal).toContain(literal);
});

async function adminCookie(): Promise<string> {
  const { portal } = running;
  const res = await fetch(`${portal.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: portal.url },
    body: JSON.stringify(portal.admin),
  });
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
