import type { Classification } from '@sightline/shared/catalog/classification';
import type { CompiledCatalog } from '@sightline/shared/catalog/compile-catalog';

// The part of an output line after "url" depends only on the result object, and results are shared
// per rule, so each tail is serialised once.
const tails = new WeakMap<Classification, string>();

function tailOf(result: Classification): string {
  const cached = tails.get(result);
  if (cached !== undefined) return cached;
  const { serviceId, serviceName, vendor, category, matchedRule, matchKind } = result;
  const fields: Record<string, string | null> = {
    serviceId,
    serviceName,
    vendor,
    category,
    matchedRule,
    matchKind,
  };
  if (result.serviceId === null && result.reason === 'unparsable') fields.error = 'unparsable URL';
  const tail = `,${JSON.stringify(fields).slice(1)}`;
  tails.set(result, tail);
  return tail;
}

/**
 * One JSON object per input line: `{"url", "serviceId", "serviceName", "vendor", "category",
 * "matchedRule", "matchKind"}` with nulls when nothing matched, plus `"error"` for unparsable input.
 */
export function classificationLine(url: string, result: Classification): string {
  return `{"url":${JSON.stringify(url)}${tailOf(result)}\n`;
}

export type CatalogStats = Readonly<{ services: number; rules: number; categories: number }>;

export function catalogStats(compiled: CompiledCatalog): CatalogStats {
  const categories = new Set<string>();
  for (const entry of compiled.services.values()) categories.add(entry.category);
  return { services: compiled.services.size, rules: compiled.ruleCount, categories: categories.size };
}
