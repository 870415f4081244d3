import { type ExtensionConfig, extensionConfigSchema } from '@sightline/shared/extension-api/managed-config';
import { z } from 'zod';

/** Settings one by one: a single bad value must not throw the rest of the policy away. */
function parseEach(raw: Record<string, unknown>): ExtensionConfig {
  const valid = Object.entries(extensionConfigSchema.shape).filter(
    ([key, schema]) => raw[key] !== undefined && raw[key] !== '' && schema.safeParse(raw[key]).success,
  );
  // Every field is optional and each kept value passed its own schema, so this parse cannot fail.
  return extensionConfigSchema.parse(Object.fromEntries(valid.map(([key]) => [key, raw[key]])));
}

/**
 * Managed policy and the options page's values, read key by key with the shared schema (an unknown key
 * is ignored, an invalid one is left out).
 */
export const parseConfig = z.record(z.string(), z.unknown()).transform(parseEach);
