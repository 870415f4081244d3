import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  EXTENSION_ID,
  type ExtensionBrowser,
  launchWithExtension,
  readLocal,
  redirectRuleCount,
  TEST_POLICY_FILE,
} from '../support/extension-browser';
import { type FakeSites, startFakeSites } from '../support/extension-fake-sites';
import { adminApi } from '../support/extension-portal-api';
import { freePort, type RunningPortal, startPortal } from '../support/portal-process';

const policyDir = '/etc/chromium/policies/managed';
const policyFile = TEST_POLICY_FILE;

function policyDirWritable(): string | null {
  try {
    mkdirSync(policyDir, { recursive: true });
    accessSync(policyDir, constants.W_OK);
    return null;
  } catch (error) {
    return `cannot write ${policyDir} (${(error as Error).message}); the managed-policy test needs root`;
  }
}

function writePolicy(config: Record<string, unknown>) {
  writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: config } } }));
}

const unwritable = policyDirWritable();
if (unwritable) console.log(`Skipping the managed-policy test: ${unwritable}`);

let portal: RunningPortal;
let sites: FakeSites;
let browser: ExtensionBrowser | undefined;
let profile: string;

/**
 * Chromium reads managed policy from one folder for every browser on the machine, so another Chromium
 * running this extension (another test run) takes this policy too and would enroll into this portal
 * as a second device. The policy names the portal by a host that only this test's browser resolves.
 */
const portalHost = `portal-${randomBytes(4).toString('hex')}.sightline.test`;
const managedPortalUrl = `http://${portalHost}`;
const resolverRules = () => `${sites.resolverRules}, MAP ${portalHost} 127.0.0.1:${portal.port}`;

test.beforeAll(async () => {
  if (unwritable) return;
  // A portal start takes about 30 s on a busy machine; the other extension specs allow the same.
  test.setTimeout(120_000);
  [portal, sites] = await Promise.all([startPortal(), startFakeSites()]);
  profile = mkdtempSync(join(tmpdir(), 'sl-ext-managed-'));
});

test.afterAll(async () => {
  await browser?.close();
  if (existsSync(policyFile)) rmSync(policyFile);
  await Promise.all([portal?.stop(), sites?.close()]);
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test('configured by enterprise policy: fail-closed blocks before any policy is fetched, then it enrolls itself and follows the portal', async () => {
  test.skip(!!unwritable, unwritable ?? '');
  test.setTimeout(120_000);
  const admin = await adminApi(portal);
  await admin.setPolicy('openai-chatgpt', { state: 'approved' });
  await admin.settings({ name: 'Acme' });
  const { token } = await admin.createToken('Managed fleet');

  // 1. IT's policy names a portal that cannot be reached yet, and fail-closed with blocking.
  const deadPort = await freePort();
  writePolicy({
    portalUrl: `http://127.0.0.1:${deadPort}`,
    enrollmentToken: token,
    userHint: 'grace@example.com',
    failMode: 'closed',
    failClosedAction: 'block',
  });
  browser = await launchWithExtension(profile, resolverRules());
  // Protection applies from the first moment, before any portal answers.
  await expect.poll(async () => redirectRuleCount(browser!), { timeout: 15_000 }).toBeGreaterThan(0);
  const page = await browser.context.newPage();
  await expect
    .poll(async () => {
      await page.goto(sites.url('chatgpt.com', '/'));
      return page.url();
    })
    .toMatch(new RegExp(`^chrome-extension://${EXTENSION_ID}/blocked\\.html#`));
  expect(sites.seen('chatgpt.com')).toHaveLength(0);

  // Policy wins over the options page: the managed fields are read-only there.
  await page.goto(browser.extensionUrl('/options.html'));
  await expect(page.getByLabel('Portal URL')).toHaveValue(`http://127.0.0.1:${deadPort}`);
  await expect(page.getByLabel('Portal URL')).toHaveAttribute('readonly', '');
  await expect(page.getByLabel('Enrollment token')).toHaveAttribute('readonly', '');
  await expect(page.getByText("come from your organisation's browser policy")).toBeVisible();
  await page.close();

  // 2. The policy now names the real portal: after a restart the extension enrolls with the token.
  writePolicy({
    portalUrl: managedPortalUrl,
    enrollmentToken: token,
    userHint: 'grace@example.com',
    failMode: 'closed',
    failClosedAction: 'block',
  });
  await browser.close();
  browser = await launchWithExtension(profile, resolverRules());
  await expect
    .poll(
      async () => (await readLocal<{ source: string; portalUrl: string }>(browser!, 'enrollment')) ?? null,
      { timeout: 20_000 },
    )
    .toMatchObject({ source: 'managed', portalUrl: managedPortalUrl });
  await expect
    .poll(async () => (await readLocal<{ doc: { orgName: string } }>(browser!, 'policy'))?.doc.orgName, {
      timeout: 20_000,
    })
    .toBe('Acme');
  const { devices } = await admin.devices();
  expect(devices).toHaveLength(1);

  // With the portal's policy in place, the approved service opens normally.
  const after = await browser.context.newPage();
  await expect
    .poll(async () => {
      await after.goto(sites.url('chatgpt.com', '/'));
      return after.url();
    })
    .toMatch(/^https?:\/\/chatgpt\.com:\d+\/$/);
  await expect(after.getByRole('heading', { name: 'Fake AI service at chatgpt.com' })).toBeVisible();
  await after.close();
});
