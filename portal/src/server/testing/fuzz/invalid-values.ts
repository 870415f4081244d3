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
import { misfits, numberFits, typesOf } from './schema-fit';
import { type Hints, objectFrom, validObject, validString, validValue } from './valid-values';

/**
 * fast-check generators from a route's JSON Schema, for values that break it in one place: a wrong
 * type, a missing field, an unknown key, a value out of range, one bad element deep inside. Best
 * effort, as valid-values.ts says: the test asks the route's own validator which side each input fell.
 */

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
