import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ExtensionBrowser,
  enrollThroughOptions,
  launchWithExtension,
  readLocal,
  removeTestManagedPolicy,
  syncPolicyNow,
} from './extension-browser';
import { type FakeSites, startFakeSites } from './extension-fake-sites';
import { adminApi } from './extension-portal-api';
import { type RunningPortal, startPortal } from './portal-process';

export type AdminApi = Awaited<ReturnType<typeof adminApi>>;

export type EnrolledExtension = {
  portal: RunningPortal;
  sites: FakeSites;
  /** The browser now running; a spec that restarts it on `profile` puts the new one here. */
  browser: ExtensionBrowser;
  admin: AdminApi;
  deviceId: string;
  /** The Chromium profile folder, kept across restarts and removed by `stop`. */
  profile: string;
  stop: () => Promise<void>;
};

/**
 * What every extension spec starts from: a real portal, the fake AI sites on loopback, and a Chromium
 * with the built extension enrolled into that portal through its options page, its first policy
 * synced. `prepare` sets the organisation's settings and policies before the browser enrolls, so the
 * first policy it holds is already the spec's.
 */
export async function startEnrolledExtension(
  options: { portalEnv?: Record<string, string>; prepare?: (admin: AdminApi) => Promise<void> } = {},
): Promise<EnrolledExtension> {
  // A managed policy left by another spec would enroll this browser somewhere else.
  removeTestManagedPolicy();
  const [portal, sites] = await Promise.all([startPortal(options.portalEnv), startFakeSites()]);
  const admin = await adminApi(portal);
  await options.prepare?.(admin);
  const { token } = await admin.createToken();
  const profile = mkdtempSync(join(tmpdir(), 'sl-ext-'));
  const browser = await launchWithExtension(profile, sites.resolverRules);
  await enrollThroughOptions(browser, portal.url, token);
  const deviceId = (await readLocal<{ deviceId: string }>(browser, 'enrollment'))!.deviceId;
  await syncPolicyNow(browser);
  const running: EnrolledExtension = {
    portal,
    sites,
    browser,
    admin,
    deviceId,
    profile,
    stop: async () => {
      await running.browser.close();
      await Promise.all([portal.stop(), sites.close()]);
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return running;
}
