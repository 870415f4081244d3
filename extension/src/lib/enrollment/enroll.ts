import { browser } from 'wxt/browser';
import type { PortalClient } from '../portal/portal-client';
import { local } from '../state/local-state';
import type { Enrollment } from '../state/stored-shapes';
import type { EffectiveConfig } from './config';

export type EnrollOutcome =
  | { status: 'enrolled'; enrollment: Enrollment }
  | { status: 'already'; enrollment: Enrollment }
  | { status: 'revoked'; enrollment: Enrollment }
  | { status: 'not-configured' }
  | { status: 'failed'; message: string };

function platformInfo() {
  const ua = globalThis.navigator?.userAgent ?? '';
  const browserName = /Edg\//.test(ua) ? 'edge' : /Firefox\//.test(ua) ? 'firefox' : 'chromium';
  const platform = /Windows/.test(ua)
    ? 'windows'
    : /Mac OS X/.test(ua)
      ? 'macos'
      : /CrOS/.test(ua)
        ? 'chromeos'
        : /Linux/.test(ua)
          ? 'linux'
          : 'other';
  return { browser: browserName, platform };
}

let enrolling: Promise<unknown> = Promise.resolve();

/**
 * Enrolls when a portal URL and token are configured and this browser holds no credential for that
 * portal. A revoked device is not re-enrolled automatically: the administrator meant it.
 *
 * One call at a time: start-up and the managed policy arriving seconds later both get here, and two
 * calls reading "no credential" before either stored one would enroll the browser as two devices. A
 * call waiting for another then finds the credential it stored. (Its own chain, not `serialized`: it
 * waits for the network, and the event queue must not.)
 */
export function ensureEnrolled(
  client: PortalClient,
  config: EffectiveConfig,
  source: Enrollment['source'],
  force = false,
): Promise<EnrollOutcome> {
  const step = () => enrollUnlessEnrolled(client, config, source, force);
  const run = enrolling.then(step, step);
  enrolling = run.catch(() => undefined);
  return run;
}

async function enrollUnlessEnrolled(
  client: PortalClient,
  config: EffectiveConfig,
  source: Enrollment['source'],
  force: boolean,
): Promise<EnrollOutcome> {
  const current = await local.enrollment.get();
  if (!config.portalUrl || !config.enrollmentToken) {
    return current
      ? { status: current.revokedAt ? 'revoked' : 'already', enrollment: current }
      : { status: 'not-configured' };
  }
  if (current && current.portalUrl === config.portalUrl && !force) {
    return { status: current.revokedAt ? 'revoked' : 'already', enrollment: current };
  }
  const result = await client.enroll(config.portalUrl, {
    token: config.enrollmentToken,
    ...(config.userHint ? { userHint: config.userHint } : {}),
    ...platformInfo(),
    extensionVersion: browser.runtime.getManifest().version,
  });
  if (!result.ok) {
    const message = result.message;
    await local.enrollError.set({ at: new Date().toISOString(), ok: false, message });
    return { status: 'failed', message };
  }
  const enrollment: Enrollment = {
    portalUrl: config.portalUrl,
    deviceId: result.value.deviceId,
    credential: result.value.credential,
    enrolledAt: new Date().toISOString(),
    source,
  };
  await local.enrollment.set(enrollment);
  await local.enrollError.set({ at: enrollment.enrolledAt, ok: true });
  // A new enrollment starts from the new portal's policy, not an old copy.
  if (current?.portalUrl !== config.portalUrl)
    await Promise.all([local.policy.remove(), local.policySync.remove()]);
  return { status: 'enrolled', enrollment };
}

export async function markRevoked(): Promise<void> {
  const current = await local.enrollment.get();
  if (current && !current.revokedAt)
    await local.enrollment.set({ ...current, revokedAt: new Date().toISOString() });
}
