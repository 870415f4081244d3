import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { request as playwrightRequest } from '@playwright/test';
import { startMailCatcher } from './assessment-smtp';
import {
  type ExtensionBrowser,
  enrollThroughOptions,
  launchWithExtension,
  removeTestManagedPolicy,
  syncPolicyNow,
} from './extension-browser';
import { type FakeSites, startFakeSites } from './extension-fake-sites';
import { adminApi } from './extension-portal-api';
import { approver, EMPLOYEE, procurement, reviewer, SERVICE } from './loop-cast';
import { type RunningPortal, startPortal } from './portal-process';
import { adminSession, inviteStaff } from './staff-accounts';

export type LoopWorld = {
  portal: RunningPortal;
  smtp: Awaited<ReturnType<typeof startMailCatcher>>;
  sites: FakeSites;
  /** The employee's Chromium, the extension enrolled and synced. */
  extension: ExtensionBrowser;
};

/**
 * Where the whole loop starts: the portal (its own process) mailing a mail catcher, fake AI sites, the
 * story's staff signed up through their invitation mails, and the employee's browser with the extension
 * enrolled, in coach mode with the story's service unapproved. `stop` undoes whatever part of `start`
 * ran, so a failed start leaves nothing behind.
 */
export function loopWorld() {
  const world: Partial<LoopWorld> = {};
  let profile: string | undefined;

  async function start(request: typeof playwrightRequest): Promise<LoopWorld> {
    removeTestManagedPolicy();
    const smtp = await startMailCatcher();
    world.smtp = smtp;
    const [portal, sites] = await Promise.all([startPortal({ SMTP_URL: smtp.url }), startFakeSites()]);
    Object.assign(world, { portal, sites });
    const adminHttp = await adminSession(request, portal);
    await inviteStaff(adminHttp, request, portal, smtp, [procurement, reviewer, approver]);
    await adminHttp.dispose();

    const admin = await adminApi(portal);
    // Coach mode: an unapproved service gets the warning page. Requesters named by email get mail.
    await admin.settings({
      mode: 'coach',
      name: 'Acme',
      emailDomains: ['corp.example'],
      pseudonymiseUsers: false,
    });
    await admin.setPolicy(SERVICE.id, { state: 'unapproved' });
    const { token } = await admin.createToken();
    profile = mkdtempSync(join(tmpdir(), 'sl-loop-'));
    const extension = await launchWithExtension(profile, sites.resolverRules);
    world.extension = extension;
    await enrollThroughOptions(extension, portal.url, token, EMPLOYEE);
    await syncPolicyNow(extension);
    return { smtp, portal, sites, extension };
  }

  async function stop(): Promise<void> {
    await world.extension?.close();
    await Promise.all([world.portal?.stop(), world.sites?.close(), world.smtp?.stop()]);
    if (profile) rmSync(profile, { recursive: true, force: true });
  }

  return { start, stop };
}
