import { Hono } from 'hono';
import { type FuzzBody, type FuzzInput, urlOf } from './fuzz-inputs';
import type { FuzzWorld } from './fuzz-world';
import { parsedOrUndefined } from './json-text';
import type { InventoriedRoute, RouteValidator } from './route-inventory';

/**
 * Which side of the line an input falls on, decided the way the route itself decides it: Hono reads
 * the path and query (a one-route copy of the router does it here), and the route's own validators
 * judge them. Only what is `refused` (some part invalid) or `unknown` (valid, but naming something
 * that does not exist) must get a 4xx; `valid` input may legitimately succeed.
 */
export type Verdict = 'refused' | 'unknown' | 'valid' | 'unroutable';

/** Hono's own test for a JSON body (validator.ts): any other media type is not read as JSON. */
const JSON_MEDIA = /^application\/([\w.-]+\+)?json$/i;

export function isJsonMediaType(contentType: string | undefined): boolean {
  return JSON_MEDIA.test((contentType ?? '').split(';')[0]!.trim());
}

/** What the portal reads from a body: the bytes sent (lone surrogates become U+FFFD) as JSON. */
export async function bodyAccepted(validator: RouteValidator, body: FuzzBody): Promise<boolean> {
  if (!isJsonMediaType(body.contentType)) {
    // A request with no body and no type is an empty object; anything else is not JSON.
    return body.contentType === undefined && body.text === '' ? validator.accepts({}) : false;
  }
  const sent = new TextDecoder().decode(new TextEncoder().encode(body.text));
  const parsed = parsedOrUndefined(sent);
  return parsed ? validator.accepts(parsed.value) : false;
}

/** Routes that read a body other than JSON: anything the fuzz test sends them is the wrong kind. */
export const NON_JSON_BODY_ROUTES: Record<string, string> = {
  'POST /api/vendor/evidence': 'a multipart upload',
  'POST /api/vendors/:id/documents': 'a multipart upload',
  'POST /api/directory/departments/import': 'a multipart CSV upload',
};

type Seen = { params: Record<string, string>; query: Record<string, string | string[]> };
const probes = new Map<string, { app: Hono; seen: Seen | undefined }>();

/** The path parameters and query as the route's validators receive them, or `undefined` if the URL does not reach the route. */
async function seenByRoute(route: InventoriedRoute, url: string): Promise<Seen | undefined> {
  let probe = probes.get(route.key);
  if (!probe) {
    const app = new Hono();
    const holder: { app: Hono; seen: Seen | undefined } = { app, seen: undefined };
    app.on(route.method, route.path, (c) => {
      holder.seen = {
        params: c.req.param() as Record<string, string>,
        // As hono/validator builds its 'query' target.
        query: Object.fromEntries(
          Object.entries(c.req.queries()).map(([k, v]) => [k, v.length === 1 ? v[0]! : v]),
        ),
      };
      return c.body(null, 204);
    });
    probe = holder;
    probes.set(route.key, probe);
  }
  probe.seen = undefined;
  const res = await probe.app.request(url, { method: route.method });
  return res.status === 204 ? probe.seen : undefined;
}

export async function judge(route: InventoriedRoute, input: FuzzInput, world: FuzzWorld): Promise<Verdict> {
  const seen = await seenByRoute(route, urlOf(route, input));
  if (!seen) return 'unroutable';
  if (route.param && !(await route.param.accepts(seen.params))) return 'refused';
  if (route.query && !(await route.query.accepts(seen.query))) return 'refused';
  if (input.body && route.key in NON_JSON_BODY_ROUTES) return 'refused';
  if (input.body && route.json && !(await bodyAccepted(route.json, input.body))) return 'refused';
  if (route.params.some((name) => seen.params[name] !== world.realParam(route, name))) return 'unknown';
  return 'valid';
}
