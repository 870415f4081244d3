import { type ExtensionConfig, extensionConfigSchema } from '@sightline/shared/extension-api/managed-config';
import { browser } from 'wxt/browser';
import { getLocal, setLocal } from '../state/local-state';

export type EffectiveConfig = ExtensionConfig & {
  /** Keys IT set through enterprise policy; the options page shows them read-only. */
  managedKeys: (keyof ExtensionConfig)[];
};

/** Managed values one by one: a single bad value must not throw the rest of the policy away. */
function parseEach(raw: Record<string, unknown>): ExtensionConfig {
  const out: Record<string, unknown> = {};
  const shape = extensionConfigSchema.shape;
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    if (raw[key] === undefined || raw[key] === '') continue;
    const parsed = shape[key].safeParse(raw[key]);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out as ExtensionConfig;
}

/**
 * Reads enterprise policy from storage.managed and keeps a copy in storage.local. Chromium answers the
 * first storage.managed read of a browser session only after seconds, so handlers read the copy; this
 * runs at install, start-up and whenever the managed policy changes.
 */
export async function refreshManagedConfig(): Promise<ExtensionConfig> {
  let managed: ExtensionConfig = {};
  try {
    managed = parseEach((await browser.storage.managed.get()) as Record<string, unknown>);
  } catch {
    // No managed storage (no policy, or a browser without it).
  }
  await setLocal('managedConfig', managed);
  return managed;
}

/** Policy always wins over what was typed on the options page. */
export async function readConfig(): Promise<EffectiveConfig> {
  const managed = (await getLocal('managedConfig')) ?? (await refreshManagedConfig());
  const options = parseEach(((await getLocal('optionsConfig')) ?? {}) as Record<string, unknown>);
  return { ...options, ...managed, managedKeys: Object.keys(managed) as (keyof ExtensionConfig)[] };
}
