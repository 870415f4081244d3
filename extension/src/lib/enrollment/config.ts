import type { ExtensionConfig } from '@sightline/shared/extension-api/managed-config';
import { browser } from 'wxt/browser';
import { local } from '../state/local-state';
import { parseConfig } from './parse-config';

export type EffectiveConfig = ExtensionConfig & {
  /** Keys IT set through enterprise policy; the options page shows them read-only. */
  managedKeys: (keyof ExtensionConfig)[];
};

/**
 * Reads enterprise policy from storage.managed and keeps a copy in storage.local. Chromium answers the
 * first storage.managed read of a browser session only after seconds, so handlers read the copy; this
 * runs at install, start-up and whenever the managed policy changes.
 */
export async function refreshManagedConfig(): Promise<ExtensionConfig> {
  let managed: ExtensionConfig = {};
  try {
    managed = parseConfig.parse(await browser.storage.managed.get());
  } catch {
    // No managed storage (no policy, or a browser without it).
  }
  await local.managedConfig.set(managed);
  return managed;
}

/** Policy always wins over what was typed on the options page. */
export async function readConfig(): Promise<EffectiveConfig> {
  const managed = (await local.managedConfig.get()) ?? (await refreshManagedConfig());
  const options = await local.optionsConfig.get();
  return { ...options, ...managed, managedKeys: Object.keys(managed) as (keyof ExtensionConfig)[] };
}
