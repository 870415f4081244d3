import { Deep, deepText } from './hostile-values';

/**
 * JSON text for a generated value. Unlike JSON.stringify it writes a `Deep` marker as the deep value it
 * stands for, and it keeps an own `__proto__` key as a key (it walks own keys, never the prototype).
 * Lone surrogates come out as `\uD800` escapes, as JSON.stringify writes them.
 */
export function jsonText(value: unknown): string {
  if (value instanceof Deep) return deepText(value);
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : jsonText(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const parts: string[] = [];
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) parts.push(`${JSON.stringify(key)}:${jsonText(v)}`);
    }
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What a server's JSON.parse makes of the text, or `undefined` when it is not JSON at all. */
export function parsedOrUndefined(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}
