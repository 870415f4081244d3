import { type RuntimeCatalog, runtimeCatalog } from './catalog/catalog-runtime';
import { type EffectiveConfig, readConfig } from './enrollment/config';
import { type EffectivePolicy, effectivePolicy } from './policy/effective-policy';
import { type Enrollment, getLocal } from './state/local-state';

export type RuntimeContext = {
  config: EffectiveConfig;
  policy: EffectivePolicy;
  catalog: RuntimeCatalog;
  enrollment: Enrollment | undefined;
};

/**
 * Everything a handler needs, read from storage each time: the worker may have been restarted
 * between two events, so nothing is assumed to be in memory (the compiled catalog is a cache).
 */
export async function loadContext(): Promise<RuntimeContext> {
  const [config, stored, enrollment] = await Promise.all([
    readConfig(),
    getLocal('policy'),
    getLocal('enrollment'),
  ]);
  const policy = effectivePolicy(stored?.doc, config);
  return { config, policy, catalog: runtimeCatalog(policy.customEntries), enrollment };
}
