import { type DataCategory, dataCategorySchema } from './profile-vocabulary';

/**
 * Spellings that extensions deployed before the vocabulary was unified still send in access requests
 * (and that older request rows hold). Each maps to the one vocabulary; health data is special-category
 * personal data under GDPR Art. 9.
 */
export const legacyRequestDataCategories = {
  'personal-data': 'personal',
  'special-category-personal-data': 'special_category',
  'customer-data': 'customer_data',
  'source-code': 'source_code',
  health: 'special_category',
} as const satisfies Record<string, DataCategory>;

/** The canonical category for a current or legacy spelling; undefined for anything else. */
export function toDataCategory(value: string): DataCategory | undefined {
  const canonical = dataCategorySchema.safeParse(value);
  if (canonical.success) return canonical.data;
  return Object.hasOwn(legacyRequestDataCategories, value)
    ? legacyRequestDataCategories[value as keyof typeof legacyRequestDataCategories]
    : undefined;
}

/** Canonical categories of a list of spellings, each once, in vocabulary order; unknown ones dropped. */
export function toDataCategories(values: readonly string[]): DataCategory[] {
  const found = new Set(values.map(toDataCategory));
  return dataCategorySchema.options.filter((c) => found.has(c));
}
