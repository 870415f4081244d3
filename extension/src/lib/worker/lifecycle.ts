import { browser } from 'wxt/browser';
import { nextExpiry } from '../coaching/exceptions';
import { registerContentScripts } from '../content/register-scripts';
import { scanExtensions } from '../detection/extensions';
import { applyRedirectRules } from '../dnr/apply-rules';
import { readConfig, refreshManagedConfig } from '../enrollment/config';
import { ensureEnrolled } from '../enrollment/enroll';
import { syncPolicy } from '../policy/policy-sync';
import type { PortalClient } from '../portal/portal-client';
import { flush } from '../queue/flush';
import { syncFlushAlarm } from '../queue/flush-alarm';
import { loadContext } from '../runtime-context';

export const ALARM_POLICY = 'policy';
export const ALARM_EXCEPTIONS = 'exceptions';
export const DEFAULT_POLICY_MINUTES = 15;

/** Applies the current policy to the browser: redirect rules, content-script sites, exception expiry. */
export async function applyPolicy(): Promise<void> {
  const ctx = await loadContext();
  await applyRedirectRules(ctx.catalog, ctx.policy);
  await registerContentScripts(ctx.catalog);
  const expiry = await nextExpiry();
  if (expiry) await browser.alarms.create(ALARM_EXCEPTIONS, { when: expiry + 500 });
}

/**
 * Makes sure the periodic alarms exist (they persist, but a changed interval must replace them). The
 * flush alarm runs only while something waits to be sent.
 */
export async function ensureAlarms(): Promise<void> {
  const config = await readConfig();
  const policyMinutes = config.policyRefreshMinutes ?? DEFAULT_POLICY_MINUTES;
  await syncFlushAlarm();
  const policyAlarm = await browser.alarms.get(ALARM_POLICY);
  if (policyAlarm?.periodInMinutes !== policyMinutes)
    await browser.alarms.create(ALARM_POLICY, { periodInMinutes: policyMinutes });
}

/**
 * Install, start-up, managed-policy change and the policy alarm all come here: enroll if configured,
 * fetch the policy, apply it, look for AI extensions, send what waits.
 */
export async function refresh(client: PortalClient): Promise<void> {
  // First what is known now (on a fresh install: the fail-open/closed fallback), so protection does
  // not wait for the network.
  await applyPolicy();
  await refreshManagedConfig();
  const config = await readConfig();
  await ensureEnrolled(
    client,
    config,
    config.managedKeys.includes('enrollmentToken') ? 'managed' : 'options',
  );
  await syncPolicy(client);
  // Again: the policy may be new, and so may the managed settings (fail mode) read above.
  await applyPolicy();
  await ensureAlarms();
  await scanExtensions();
  await flush(client);
}

/**
 * The policy alarm: enroll if this browser holds no credential but is configured (e.g. the portal
 * forgot it), refresh the policy, apply it when it changed, look for newly installed AI extensions.
 */
export async function periodicSync(client: PortalClient): Promise<void> {
  const config = await readConfig();
  const enrolled = await ensureEnrolled(
    client,
    config,
    config.managedKeys.includes('enrollmentToken') ? 'managed' : 'options',
  );
  const outcome = await syncPolicy(client);
  if (outcome === 'updated' || enrolled.status === 'enrolled') await applyPolicy();
  await scanExtensions();
  await syncFlushAlarm();
}
