import fc from 'fast-check';

/**
 * The raw material of the API fuzz test: text, keys and numbers that have broken parsers, databases
 * and templates elsewhere. Everything here is plain data; the schema-driven generators decide where
 * it goes.
 */

/** Strings that are awkward for a reason (each comment says which). */
export const hostileStrings: readonly string[] = [
  '',
  ' ',
  '\u0000', // PostgreSQL text and jsonb cannot hold NUL
  'a\u0000b',
  '\uD800', // lone high surrogate: not encodable as UTF-8
  '\uDFFF', // lone low surrogate
  'x\uDBFFy',
  '\u202Egnp.exe', // right-to-left override: reverses what follows on screen
  '\u200F\u200E\u2066\u2069', // direction marks and isolates
  '👩‍👩‍👧‍👦', // one grapheme, eleven UTF-16 code units
  '🤖'.repeat(3),
  'e\u0301', // combining accent
  '\u200B\uFEFF', // zero-width space and byte order mark
  '\u2028\u2029\u0085', // line separators JavaScript and some CSV readers treat as line ends
  'line\r\nSet-Cookie: x=1', // header injection
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  "'; drop table vendor; --",
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00%2e%2e%2f',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template injection is the point
  '${7*7}{{7*7}}%s%n',
  '=HYPERLINK("http://evil.example")',
  '\\',
  '"',
  '深度求索',
  'محمد',
  'ﬁ\uFB01', // ligatures that normalise to two letters
  '\uFFFF\uFFFE', // noncharacters
  '\u001b[31m', // terminal escape
];

/** Object keys that have broken merges, lookups and serialisers. */
export const hostileKeys: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\u202E',
  '🤖',
  'a.b',
  '$where',
  '../x',
];

/** Numbers at the edges of what JSON, JavaScript and PostgreSQL integer columns hold. */
export const hostileNumbers: readonly number[] = [
  -1,
  0,
  -0,
  0.5,
  1.5,
  -2147483649,
  2147483648,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 63),
  1e308,
  -1e308,
  5e-324,
];

/**
 * A value nested `depth` levels deep. Kept as a marker rather than built, so that the generator, the
 * shrinker and the JSON writer never recurse through it (JSON.stringify overflows its stack near
 * 10,000 levels; the portal must cope with more).
 */
export class Deep {
  constructor(
    readonly depth: number,
    readonly kind: 'array' | 'object',
  ) {}
}

/** Its JSON text, written without recursion. */
export function deepText(deep: Deep): string {
  return deep.kind === 'array'
    ? '['.repeat(deep.depth) + ']'.repeat(deep.depth)
    : `${'{"a":'.repeat(deep.depth)}1${'}'.repeat(deep.depth)}`;
}

export const deepValue: fc.Arbitrary<Deep> = fc
  .tuple(fc.constantFrom(50, 5_000, 60_000), fc.constantFrom('array' as const, 'object' as const))
  .map(([depth, kind]) => new Deep(depth, kind));

/** A long string: just over a limit, or big enough to matter, made of multi-byte characters at times. */
export function longString(atLeast: number): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(atLeast + 1, atLeast + 2, Math.max(atLeast * 2, 20_000)),
      fc.constantFrom('x', 'é', '🤖', '\u0000', '\uD800'),
    )
    .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));
}

/** Any string from the list, or fast-check's own (full Unicode, including lone surrogates). */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...hostileStrings), fc.constantFrom(...hostileStrings))
      .map(([a, b]) => a + b),
  },
);

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostileKeys) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

/** A hostile string made to fit a length range, so it passes a length check and tests what is behind it. */
export function fitLength(text: string, min = 0, max = Number.POSITIVE_INFINITY): string {
  let out = text;
  if (out.length < min) out = out.padEnd(min, 'x');
  if (out.length > max) out = out.slice(0, max);
  return out;
}

/** Any JSON value, sometimes deep, with hostile strings and keys among ordinary ones. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom(...hostileNumbers) },
  { weight: 1, arbitrary: deepValue },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.tuple(hostileKey, fc.jsonValue({ maxDepth: 2 })), { maxLength: 4 })
      .map((entries) => Object.fromEntries(entries)),
  },
);
