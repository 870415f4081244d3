import fc from 'fast-check';
import {
  deepValue,
  fitLength,
  hostileJson,
  hostileKey,
  hostileKeys,
  hostileNumbers,
  hostileString,
  hostileStrings,
  longString,
} from './hostile-values';
import type { JsonSchema } from './route-inventory';

/**
 * fast-check generators from a route's JSON Schema: `validValue` for values the schema accepts (made
 * of hostile text wherever the schema lets it through), `invalidValue` for values that break it in one
 * place (a wrong type, a missing field, an unknown key, a value out of range, one bad element deep
 * inside). Both are best effort: zod checks more than JSON Schema can say (dates, refinements), so the
 * test asks the route's own validator which side of the line each input fell on.
 */

/** Real values from the test's world (ids, question ids, service ids, dates) that valid text may use. */
export type Hints = {
  strings: readonly string[];
  /** Values for fields of a given name (`host`, `website`), tried first for a field of that name. */
  byField?: Record<string, readonly string[]>;
  /** The name of the field being generated (set while building an object). */
  field?: string;
};

const JSON_TYPES = ['null', 'boolean', 'integer', 'number', 'string', 'array', 'object'] as const;
const SAMPLE_OF_TYPE: Record<(typeof JSON_TYPES)[number], unknown[]> = {
  null: [null],
  boolean: [true, false],
  integer: [0, -1, 7],
  number: [0.5, -2.25],
  string: ['', 'x', '1', 'true', 'null'],
  array: [[], [null], ['x']],
  object: [{}, { a: 1 }],
};

function typesOf(s: JsonSchema): Set<string> | undefined {
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

function textFits(s: JsonSchema, text: string): boolean {
  if (text.length < (s.minLength ?? 0) || text.length > (s.maxLength ?? Number.POSITIVE_INFINITY))
    return false;
  if (s.pattern && !safeRegex(s.pattern)?.test(text)) return false;
  if (s.enum && !s.enum.includes(text)) return false;
  if (s.format === 'uri' && !URL.canParse(text)) return false;
  return true;
}

/**
 * The listed values that break the rule, for `constantFrom`: a `.filter` on a generator whose values
 * all pass would never return, so misfits are picked from a list known to hold some (or none at all).
 */
function misfits(list: readonly string[], s: JsonSchema): fc.Arbitrary<string> | undefined {
  const out = list.filter((x) => !textFits(s, x));
  return out.length ? fc.constantFrom(...out) : undefined;
}

const regexCache = new Map<string, RegExp | null>();
function safeRegex(pattern: string): RegExp | null {
  if (!regexCache.has(pattern)) {
    try {
      regexCache.set(pattern, new RegExp(pattern));
    } catch {
      regexCache.set(pattern, null);
    }
  }
  return regexCache.get(pattern) ?? null;
}

/**
 * fast-check cannot generate every regex (lookaheads); those fall back to the hints and hostile text.
 * Built once per pattern: building a regex generator costs milliseconds (fast-check checks its
 * built-in tricky strings against it), and the same patterns recur across routes.
 */
const matchingCache = new Map<string, fc.Arbitrary<string> | undefined>();
function matching(pattern: string, max: number): fc.Arbitrary<string> | undefined {
  const key = `${max}:${pattern}`;
  if (!matchingCache.has(key)) matchingCache.set(key, buildMatching(pattern, max));
  return matchingCache.get(key);
}

function buildMatching(pattern: string, max: number): fc.Arbitrary<string> | undefined {
  const re = safeRegex(pattern);
  if (!re) return undefined;
  for (const source of [pattern, pattern.replace(/\(\?=[^)]*\)/g, '')]) {
    try {
      return fc.stringMatching(new RegExp(source)).filter((x) => x.length <= max && re.test(x));
    } catch {
      // try the next form
    }
  }
  return undefined;
}

function validString(s: JsonSchema, hints: Hints): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 100_000;
  const options: fc.WeightedArbitrary<string>[] = [];
  const add = (weight: number, arbitrary: fc.Arbitrary<string>) => options.push({ weight, arbitrary });
  // Real values weigh most: zod refines some text beyond what JSON Schema says (host names, URLs).
  const forField = (hints.field && hints.byField?.[hints.field]?.filter((x) => textFits(s, x))) || [];
  if (forField.length) add(12, fc.constantFrom(...forField));
  const real = hints.strings.filter((x) => textFits(s, x));
  if (real.length) add(4, fc.constantFrom(...real));
  const hostile = [...hostileStrings, ...hostileKeys].filter((x) => textFits(s, x));
  if (hostile.length) add(2, fc.constantFrom(...hostile));
  if (s.format === 'uuid') add(1, fc.uuid({ version: 4 }));
  else if (s.format === 'uri')
    add(
      1,
      fc.webUrl().filter((x) => textFits(s, x)),
    );
  else if (s.pattern) {
    const gen = matching(s.pattern, max);
    if (gen) add(1, gen);
  } else {
    add(
      1,
      hostileString.map((x) => fitLength(x, min, max)),
    );
    // The longest text allowed, in characters that take several bytes in UTF-8.
    add(
      1,
      fc
        .constantFrom('🤖', 'é', '\u0000')
        .map((unit) => fitLength(unit.repeat(Math.min(max, 100_000)), min, max)),
    );
    add(1, fc.string({ unit: 'binary', minLength: min, maxLength: Math.min(max, 60) }));
  }
  if (options.length === 0) return fc.constant(fitLength('x', min, max));
  return fc.oneof(...options);
}

function validNumber(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-9) : s.minimum;
  const max = s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 1e-9) : s.maximum;
  if (integer) {
    const lo = Math.max(min ?? -(2 ** 31), Number.MIN_SAFE_INTEGER);
    const hi = Math.min(max ?? 2 ** 31, Number.MAX_SAFE_INTEGER);
    return fc.oneof(fc.constantFrom(lo, hi), fc.integer({ min: lo, max: hi }));
  }
  return fc.double({ min: min ?? -1e9, max: max ?? 1e9, noNaN: true, noDefaultInfinity: true });
}

function objectFrom(entries: [string, unknown][]): Record<string, unknown> {
  // Object.fromEntries defines own properties, so a "__proto__" entry stays a key and never a prototype.
  return Object.fromEntries(entries);
}

/** A value the schema accepts, made of hostile text where it allows. */
export function validValue(s: JsonSchema, hints: Hints, depth = 0): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const branches = s.anyOf ?? s.oneOf;
  if (branches) return fc.oneof(...branches.map((b) => validValue(b, hints, depth)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return validNumber(s, true);
    case 'number':
      return validNumber(s, false);
    case 'string':
      return validString(s, hints);
    case 'array':
      return fc.array(validValue(s.items ?? {}, hints, depth + 1), {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 4, 4)),
      });
    case 'object':
      return validObject(s, hints, depth);
    default:
      // No type at all (a free-form value, such as an answer): anything JSON, deep nesting included.
      return depth > 4 ? fc.jsonValue({ maxDepth: 1 }) : hostileJson;
  }
}

function validObject(s: JsonSchema, hints: Hints, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  const required = new Set(s.required ?? []);
  const fields = Object.entries(props).map(([name, schema]) =>
    required.has(name)
      ? validValue(schema, { ...hints, field: name }, depth + 1).map(
          (v) => [[name, v]] as [string, unknown][],
        )
      : fc
          .option(
            validValue(schema, { ...hints, field: name }, depth + 1).map(
              (v) => [name, v] as [string, unknown],
            ),
            { nil: undefined },
          )
          .map((e) => (e ? [e] : [])),
  );
  const extra =
    typeof s.additionalProperties === 'object'
      ? fc.array(
          fc.tuple(
            s.propertyNames ? validString(s.propertyNames, hints) : hostileKey,
            validValue(s.additionalProperties, hints, depth + 1),
          ),
          { maxLength: 3 },
        )
      : fc.constant([] as [string, unknown][]);
  return fc.tuple(fc.tuple(...fields), extra).map(([parts, more]) => objectFrom([...parts.flat(), ...more]));
}

/** Values of JSON types the schema does not allow, deep nesting among them. */
function wrongType(s: JsonSchema): fc.Arbitrary<unknown> | undefined {
  const allowed = typesOf(s);
  if (!allowed) {
    if (s.enum || s.const !== undefined) return fc.constantFrom(null, 0, true, [], {}, 'NOT-A-MEMBER');
    return undefined;
  }
  const candidates = JSON_TYPES.filter((t) => !allowed.has(t)).flatMap((t) => SAMPLE_OF_TYPE[t]);
  const options: fc.Arbitrary<unknown>[] = [];
  if (candidates.length) options.push(fc.constantFrom(...candidates));
  if (!allowed.has('array') && !allowed.has('object')) options.push(deepValue);
  return options.length ? fc.oneof(...options) : undefined;
}

function invalidString(s: JsonSchema): fc.Arbitrary<unknown>[] {
  const out: fc.Arbitrary<unknown>[] = [];
  if (s.maxLength !== undefined) out.push(longString(s.maxLength));
  if ((s.minLength ?? 0) > 0) out.push(hostileString.map((x) => fitLength(x, 0, (s.minLength ?? 1) - 1)));
  if (s.pattern || s.enum || s.format) {
    const bad = misfits([...hostileStrings, ...hostileKeys], s);
    if (bad) out.push(bad);
    const members = (s.enum ?? []).filter((m): m is string => typeof m === 'string');
    const mangled = members.flatMap((m) => [m.toUpperCase(), `${m} `, `${m}\u0000`, `\u200B${m}`]);
    const wrongMember = misfits(mangled, s);
    if (wrongMember) out.push(wrongMember);
  }
  return out;
}

function invalidNumber(s: JsonSchema, integer: boolean): fc.Arbitrary<unknown>[] {
  const out: fc.Arbitrary<unknown>[] = [];
  const outside = hostileNumbers.filter((n) => !numberFits(s, n, integer));
  if (outside.length) out.push(fc.constantFrom(...outside));
  if (s.minimum !== undefined) out.push(fc.constant(s.minimum - 1));
  if (s.maximum !== undefined) out.push(fc.constant(s.maximum + 1));
  if (integer) out.push(fc.constantFrom(0.5, 1.000001, 1e-7));
  out.push(fc.constantFrom('1', '0x10', '1e3', ''));
  return out;
}

function numberFits(s: JsonSchema, n: number, integer: boolean): boolean {
  if (integer && !Number.isInteger(n)) return false;
  if (s.minimum !== undefined && n < s.minimum) return false;
  if (s.maximum !== undefined && n > s.maximum) return false;
  if (s.exclusiveMinimum !== undefined && n <= s.exclusiveMinimum) return false;
  if (s.exclusiveMaximum !== undefined && n >= s.exclusiveMaximum) return false;
  return true;
}

/**
 * A value the schema refuses, wrong in one place: the rest of it is valid, so the validator has to
 * find the fault rather than stop at the first field. `undefined` when nothing can be wrong (a free-form
 * value).
 */
export function invalidValue(s: JsonSchema, hints: Hints, depth = 0): fc.Arbitrary<unknown> | undefined {
  const options: fc.Arbitrary<unknown>[] = [];
  const wrong = wrongType(s);
  if (wrong) options.push(wrong);
  const branches = s.anyOf ?? s.oneOf;
  if (branches) {
    for (const b of branches) {
      const bad = invalidValue(b, hints, depth);
      if (bad) options.push(bad);
    }
  } else if (s.const === undefined && !s.enum) {
    const type = Array.isArray(s.type) ? s.type[0] : s.type;
    if (type === 'string') options.push(...invalidString(s));
    if (type === 'integer' || type === 'number') options.push(...invalidNumber(s, type === 'integer'));
    if (type === 'array') options.push(...invalidArray(s, hints, depth));
    if (type === 'object') options.push(...invalidObject(s, hints, depth));
  } else if (s.enum) {
    options.push(...invalidString({ enum: s.enum }));
  }
  return options.length ? fc.oneof(...options) : undefined;
}

function invalidArray(s: JsonSchema, hints: Hints, depth: number): fc.Arbitrary<unknown>[] {
  const item = validValue(s.items ?? {}, hints, depth + 1);
  const out: fc.Arbitrary<unknown>[] = [];
  if (s.maxItems !== undefined && s.maxItems <= 2_000)
    out.push(item.map((v) => Array.from({ length: s.maxItems! + 1 }, () => v)));
  if ((s.minItems ?? 0) > 0) out.push(fc.constant([]));
  const badItem = invalidValue(s.items ?? {}, hints, depth + 1);
  if (badItem)
    out.push(
      fc
        .tuple(fc.array(item, { maxLength: 3 }), badItem, fc.nat())
        .map(([items, bad, at]) => items.toSpliced(at % (items.length + 1), 0, bad)),
    );
  return out;
}

function invalidObject(s: JsonSchema, hints: Hints, depth: number): fc.Arbitrary<unknown>[] {
  const valid = validObject(s, hints, depth);
  const props = s.properties ?? {};
  const out: fc.Arbitrary<unknown>[] = [];
  const required = s.required ?? [];
  if (required.length)
    out.push(
      fc
        .tuple(valid, fc.constantFrom(...required))
        .map(([v, drop]) => objectFrom(Object.entries(v).filter(([k]) => k !== drop))),
    );
  if (s.additionalProperties === false)
    out.push(
      fc
        .tuple(valid, fc.constantFrom(...hostileKeys.filter((k) => !Object.hasOwn(props, k))), hostileJson)
        .map(([v, key, extra]) => objectFrom([...Object.entries(v), [key, extra]])),
    );
  if (typeof s.additionalProperties === 'object') {
    const value = validValue(s.additionalProperties, hints, depth + 1);
    const badKey = s.propertyNames && misfits(hostileKeys, s.propertyNames);
    if (badKey)
      out.push(
        fc
          .tuple(valid, badKey, value)
          .map(([v, key, extra]) => objectFrom([...Object.entries(v), [key, extra]])),
      );
    const badValue = invalidValue(s.additionalProperties, hints, depth + 1);
    const key = s.propertyNames ? validString(s.propertyNames, hints) : hostileKey;
    if (badValue)
      out.push(
        fc
          .tuple(valid, key, badValue)
          .map(([v, k, bad]) => objectFrom([...Object.entries(v).filter(([x]) => x !== k), [k, bad]])),
      );
  }
  const breakable = Object.entries(props)
    .map(([name, schema]) => [name, invalidValue(schema, hints, depth + 1)] as const)
    .filter((e): e is readonly [string, fc.Arbitrary<unknown>] => e[1] !== undefined);
  if (breakable.length)
    out.push(
      fc
        .tuple(valid, fc.constantFrom(...breakable))
        .chain(([v, [name, bad]]) =>
          bad.map((b) => objectFrom([...Object.entries(v).filter(([k]) => k !== name), [name, b]])),
        ),
    );
  return out;
}
