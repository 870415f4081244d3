import { type RuntimeCatalog, runtimeCatalog } from './catalog/catalog-runtime';
import { type EffectiveConfig, readConfig } from './enrollment/config';
import { type EffectivePolicy, effectivePolicy } from './policy/effective-policy';
import { local } from './state/local-state';
import type { Enrollment } from './state/stored-shapes';

export type RuntimeContext = {
  config: EffectiveConfig;
  policy: EffectivePolicy;
  catalog: RuntimeCatalog;
  enrollment: Enrollment | null;
};

/**
 * Everything a handler needs, read from storage each time: the worker may have been restarted
 * between two events, so nothing is assumed to be in memory (the compiled catalog is a cache).
 */
export async function loadContext(): Promise<RuntimeContext> {
  const [config, stored, enrollment] = await Promise.all([
    readConfig(),
    local.policy.get(),
    local.enrollment.get(),
  ]);
  const policy = effectivePolicy(stored?.doc, config);
  return { config, policy, catalog: runtimeCatalog(policy.customEntries), enrollment };
}
