import fc from 'fast-check';
import {
  fitLength,
  hostileJson,
  hostileKey,
  hostileKeys,
  hostileString,
  hostileStrings,
} from './hostile-values';
import type { JsonSchema } from './route-inventory';
import { safeRegex, textFits } from './schema-fit';

/**
 * fast-check generators from a route's JSON Schema, for values the schema accepts, made of hostile
 * text wherever the schema lets it through (invalid-values.ts makes the ones it refuses). Both are
 * best effort: zod checks more than JSON Schema can say (dates, refinements), so the test asks the
 * route's own validator which side of the line each input fell on.
 */

/** Real values from the test's world (ids, question ids, service ids, dates) that valid text may use. */
export type Hints = {
  strings: readonly string[];
  /** Values for fields of a given name (`host`, `website`), tried first for a field of that name. */
  byField?: Record<string, readonly string[]>;
  /** The name of the field being generated (set while building an object). */
  field?: string;
};

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

export function validString(s: JsonSchema, hints: Hints): fc.Arbitrary<string> {
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

export function objectFrom(entries: [string, unknown][]): Record<string, unknown> {
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

export function validObject(
  s: JsonSchema,
  hints: Hints,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
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
