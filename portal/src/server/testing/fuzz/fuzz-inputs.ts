import fc from 'fast-check';
import type { FuzzWorld } from './fuzz-world';
import { hostileJson, hostileKey, hostileString, longString } from './hostile-values';
import { invalidValue } from './invalid-values';
import { jsonText } from './json-text';
import type { InventoriedRoute, JsonSchema } from './route-inventory';
import { validValue } from './valid-values';

/** One generated request: path segments for the parameters, a raw query string, and a body. */
export type FuzzInput = {
  params: Record<string, string>;
  query: string;
  body?: FuzzBody;
};
export type FuzzBody = { contentType?: string; text: string };

const JSON_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'Application/JSON',
  'application/problem+json',
];
/** Bodies that look like JSON sent as something else: a JSON route must not read them as an empty object. */
const OTHER_TYPES = [
  'text/plain',
  'text/plain;charset=UTF-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'text/json',
  undefined,
];
const MALFORMED = [
  '{',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  'undefined',
  'NaN',
  '\u0000',
  '\uFEFF{}',
  '{"a":1}{"b":2}',
  '[1,2',
  '"x',
  '{"__proto__":',
  '',
  ' ',
  '\uD800',
];
/** Percent-encodings that do not decode (or decode to something odd) as path segments and query parts. */
const RAW_SEGMENTS = [
  '%',
  '%zz',
  '%E0%A4%A',
  '%C0%AE',
  '%FF',
  '%uD800',
  '%2F',
  '%5C..%5C',
  '%00',
  '%EF%BB%BF',
  '%252e',
  'a;b=c',
];
const RAW_QUERY = [
  '%zz=1',
  'x=%',
  '=&&=',
  'a[b]=1',
  '__proto__[x]=1',
  '__proto__=1',
  'constructor=1',
  '%00=1',
  'x=%00',
];

/** Over the 1 MB body limit: the portal must stop reading and answer 413. */
const OVERSIZED = `{"x":"${'a'.repeat(1024 * 1024 + 16)}"}`;

/** A path segment for any text, lone surrogates included (sent as the bytes a broken client would send). */
function segment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return `${encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, ''))}%ED%A0%80`;
  }
}

function hostileSegment(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: hostileString.filter((x) => x.length > 0).map(segment) },
    { weight: 1, arbitrary: longString(64).map((x) => segment(x.slice(0, 3_000))) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
  );
}

function paramArbitrary(
  route: InventoriedRoute,
  name: string,
  world: FuzzWorld,
  realShare: number,
): fc.Arbitrary<string> {
  const real = world.realParam(route, name);
  if (real === undefined)
    throw new Error(`${route.key}: no real value for :${name}; add one to realParams in fuzz-world.ts`);
  const schema = route.param?.schema.properties?.[name];
  const unknown =
    schema?.format === 'uuid' ? fc.uuid({ version: 4 }) : fc.constantFrom('no-such-thing', 'zz9');
  const options = [{ weight: 10 - realShare, arbitrary: fc.oneof(hostileSegment(), unknown.map(segment)) }];
  if (realShare > 0) options.push({ weight: realShare, arbitrary: fc.constant(segment(real)) });
  return fc.oneof(...options);
}

function queryValue(schema: JsonSchema, world: FuzzWorld, valid: boolean): fc.Arbitrary<string> {
  const source = valid
    ? validValue(schema, world.hints)
    : (invalidValue(schema, world.hints) ?? hostileString);
  return source.map((v) =>
    (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : jsonText(v)).slice(0, 5_000),
  );
}

function encodePairs(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `${segment(k)}=${segment(v)}`).join('&');
}

/** A query string wrong in one way (a bad value, a repeated or unknown key, broken encoding), the rest valid. */
function invalidQuery(schema: JsonSchema, world: FuzzWorld): fc.Arbitrary<string> {
  const props = schema.properties ?? {};
  const names = Object.keys(props);
  // Built from records and oneofs rather than chains: a chain rebuilds its generator for every value.
  const fine = fc.record(Object.fromEntries(names.map((n) => [n, queryValue(props[n]!, world, true)])), {
    requiredKeys: [],
  });
  const faults: fc.Arbitrary<[string, string][]>[] = [
    fc.tuple(hostileKey, hostileString).map(([k, v]) => [[k, v]]),
  ];
  for (const n of names) {
    faults.push(
      queryValue(props[n]!, world, false).map((v) => [[n, v]]),
      fc.tuple(queryValue(props[n]!, world, true), queryValue(props[n]!, world, true)).map(([a, b]) => [
        [n, a],
        [n, b],
      ]),
    );
  }
  return fc
    .tuple(fine, fc.oneof(...faults), fc.option(fc.constantFrom(...RAW_QUERY), { nil: undefined }))
    .map(([ok, bad, raw]) => {
      const faulty = new Set(bad.map(([k]) => k));
      const pairs = Object.entries(ok).filter(([k]) => !faulty.has(k)) as [string, string][];
      const text = encodePairs([...pairs, ...bad]);
      return raw ? `${text}&${raw}` : text;
    });
}

/** A body wrong for the schema (or, with no schema, anything at all that is not what the route reads). */
function invalidBody(schema: JsonSchema | undefined, world: FuzzWorld): fc.Arbitrary<FuzzBody> {
  const wrong = (schema && invalidValue(schema, world.hints)) ?? hostileJson;
  const lookalike = schema ? validValue(schema, world.hints) : hostileJson;
  return fc.oneof(
    {
      weight: 12,
      arbitrary: fc
        .tuple(wrong, fc.constantFrom(...JSON_TYPES))
        .map(([v, contentType]) => ({ contentType, text: jsonText(v) })),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...MALFORMED).map((text) => ({ contentType: 'application/json', text })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(lookalike, fc.constantFrom(...OTHER_TYPES))
        .map(([v, contentType]) => ({ contentType, text: jsonText(v) })),
    },
    { weight: 1, arbitrary: fc.constant({ contentType: 'application/json', text: OVERSIZED }) },
  );
}

/**
 * Phase one: input the route must refuse. A route with a JSON body or a query gets real ids most of
 * the time (so the request reaches the body and query checks) and a broken body or query; a route
 * whose only input is its path gets ids that are malformed or name nothing, never real ones, since a
 * real one would legitimately act.
 */
export function refusableInput(route: InventoriedRoute, world: FuzzWorld): fc.Arbitrary<FuzzInput> {
  const readsInput = route.json !== undefined || route.query !== undefined;
  const params = fc.record(
    Object.fromEntries(
      route.params.map((name) => [name, paramArbitrary(route, name, world, readsInput ? 8 : 0)]),
    ),
  );
  const query = route.query ? invalidQuery(route.query.schema, world) : fc.constant('');
  const body = route.method === 'GET' ? fc.constant(undefined) : invalidBody(route.json?.schema, world);
  return fc.record({ params, query, body }, { requiredKeys: ['params', 'query'] }) as fc.Arbitrary<FuzzInput>;
}

/** Phase two: a body the schema accepts, made of hostile text, sent to real resources. */
export function acceptableInput(route: InventoriedRoute, world: FuzzWorld): fc.Arbitrary<FuzzInput> {
  if (!route.json) throw new Error(`${route.key} takes no JSON body`);
  const params = Object.fromEntries(
    route.params.map((name) => [name, segment(world.realParam(route, name)!)]),
  );
  return validValue(route.json.schema, world.hints).map((v) => ({
    params,
    query: '',
    body: { contentType: 'application/json', text: jsonText(v) },
  }));
}

/** The URL of an input: the route's pattern with the segments filled in, and the query. */
export function urlOf(route: InventoriedRoute, input: FuzzInput): string {
  const path = route.path.replace(
    /:([A-Za-z]+)(\{[^}]+\})?/g,
    (_m, name: string) => input.params[name] ?? '',
  );
  return input.query ? `${path}?${input.query}` : path;
}

/** What better-auth's email sign-in reads (it validates the body itself, so no route schema says it). */
const SIGN_IN_BODY: JsonSchema = {
  type: 'object',
  properties: {
    email: { type: 'string', maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$' },
    password: { type: 'string', minLength: 1, maxLength: 128 },
    rememberMe: { type: 'boolean' },
    callbackURL: { type: 'string', maxLength: 2000 },
  },
  required: ['email', 'password'],
  additionalProperties: false,
};

/** Sign-in bodies, broken or right-looking: none carries anyone's password, so each must be refused. */
export function signInInput(world: FuzzWorld): fc.Arbitrary<FuzzInput> {
  const rightLooking = validValue(SIGN_IN_BODY, world.hints).map((v) => ({
    contentType: 'application/json',
    text: jsonText(v),
  }));
  // Mostly broken bodies: a right-looking one costs a password hash, on purpose slow.
  return fc
    .oneof({ weight: 4, arbitrary: invalidBody(SIGN_IN_BODY, world) }, { weight: 1, arbitrary: rightLooking })
    .map((body) => ({ params: {}, query: '', body }));
}
