/**
 * Records keyed by question id come from request bodies and JSON columns; reading them with `in` or
 * plain indexing would find inherited keys such as "constructor", so only own keys count.
 */
export function lookup<T>(record: Readonly<Record<string, T | undefined>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
