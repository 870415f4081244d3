import fc from 'fast-check';
import type { JsonSchema } from './route-inventory';

/**
 * Whether a value fits a JSON Schema's rules (types, lengths, patterns, formats, ranges), for the
 * generators of valid-values.ts and invalid-values.ts: they pick real and hostile values that fit,
 * or that break the rule on purpose.
 */

export function typesOf(s: JsonSchema): Set<string> | undefined {
  if (s.const !== undefined || s.enum) return undefined;
  const branches = s.anyOf ?? s.oneOf;
  if (branches) {
    const all = new Set<string>();
    for (const b of branches) {
      const t = typesOf(b);
      if (!t) return undefined;
      for (const x of t) all.add(x);
    }
    return all;
  }
  if (s.type === undefined) return undefined;
  const list = Array.isArray(s.type) ? s.type : [s.type];
  const out = new Set(list);
  if (out.has('number')) out.add('integer');
  return out;
}

export function textFits(s: JsonSchema, text: string): boolean {
  if (text.length < (s.minLength ?? 0) || text.length > (s.maxLength ?? Number.POSITIVE_INFINITY))
    return false;
  if (s.pattern && !safeRegex(s.pattern)?.test(text)) return false;
  if (s.enum && !s.enum.includes(text)) return false;
  if (s.format === 'uri' && !URL.canParse(text)) return false;
  return true;
}

export function numberFits(s: JsonSchema, n: number, integer: boolean): boolean {
  if (integer && !Number.isInteger(n)) return false;
  if (s.minimum !== undefined && n < s.minimum) return false;
  if (s.maximum !== undefined && n > s.maximum) return false;
  if (s.exclusiveMinimum !== undefined && n <= s.exclusiveMinimum) return false;
  if (s.exclusiveMaximum !== undefined && n >= s.exclusiveMaximum) return false;
  return true;
}

/**
 * The listed values that break the rule, for `constantFrom`: a `.filter` on a generator whose values
 * all pass would never return, so misfits are picked from a list known to hold some (or none at all).
 */
export function misfits(list: readonly string[], s: JsonSchema): fc.Arbitrary<string> | undefined {
  const out = list.filter((x) => !textFits(s, x));
  return out.length ? fc.constantFrom(...out) : undefined;
}

const regexCache = new Map<string, RegExp | null>();
export function safeRegex(pattern: string): RegExp | null {
  if (!regexCache.has(pattern)) {
    try {
      regexCache.set(pattern, new RegExp(pattern));
    } catch {
      regexCache.set(pattern, null);
    }
  }
  return regexCache.get(pattern) ?? null;
}
