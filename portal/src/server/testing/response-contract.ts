import { apiErrorSchema } from '@sightline/shared/http/api-error';
import type { Hono } from 'hono';
import { findTargetHandler } from 'hono/utils/handler';
import { uniqueSymbol } from 'hono-openapi';
import type { AppEnv } from '../context';
import {
  buildOpenApiDocument,
  type OpenApiDocument,
  openApiPath,
  refusalsFor,
} from '../features/docs/openapi-document';
import { routeAccess } from '../route-access';
import { type ShapeSchema, undeclaredFields } from './undeclared-fields';

type Issue = { message: string; path?: readonly (PropertyKey | { key: PropertyKey })[] };
type Validate = (value: unknown) => { issues?: readonly Issue[] } | Promise<{ issues?: readonly Issue[] }>;
/** A route's declared answers: status → media type → the validator of the shared schema (JSON only). */
export type DeclaredResponses = Record<string, Record<string, Validate | undefined>>;

type DescribedSpec = {
  spec?: { responses?: Record<string, { content?: Record<string, { schema?: { validate?: Validate } }> }> };
};

/** Each route's `describeRoute` responses, by `METHOD /path`, with the validators `resolver()` made. */
export function declaredResponses(app: Hono<AppEnv>): Map<string, DeclaredResponses> {
  const out = new Map<string, DeclaredResponses>();
  for (const r of app.routes) {
    const meta = (findTargetHandler(r.handler) as unknown as Record<symbol, DescribedSpec | undefined>)[
      uniqueSymbol
    ];
    const responses = meta?.spec?.responses;
    if (!responses) continue;
    const declared: DeclaredResponses = {};
    for (const [status, response] of Object.entries(responses)) {
      declared[status] = Object.fromEntries(
        Object.entries(response.content ?? {}).map(([media, body]) => [media, body.schema?.validate]),
      );
    }
    out.set(`${r.method} ${r.path}`, declared);
  }
  return out;
}

/** The API route that answers a request: the first handler registered with a method under /api/. */
export function answeringRoute(app: Hono<AppEnv>, method: string, pathname: string): string | undefined {
  const [matches] = app.router.match(method, pathname);
  for (const [[, route]] of matches) {
    if (route.method !== 'ALL' && route.path.startsWith('/api/')) return `${route.method} ${route.path}`;
  }
  return undefined;
}

function describeIssues(issues: readonly Issue[]): string {
  return issues
    .slice(0, 8)
    .map((i) => {
      const path = (i.path ?? []).map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.');
      return `${path || '(root)'}: ${i.message}`;
    })
    .join('; ');
}

/**
 * Checks real answers against what their routes declare: the status must be in the OpenAPI document,
 * a JSON body must parse with the route's own shared schema for that status (strict objects refuse
 * fields the schema lacks), an error must be in the one error shape, and a file must come with its
 * declared media type. Returns the problem, or undefined when the answer keeps the contract.
 */
export function responseContract(app: Hono<AppEnv>) {
  let declared: Map<string, DeclaredResponses> | undefined;
  let document: Promise<OpenApiDocument> | undefined;

  type Documented = Record<string, { content?: Record<string, { schema?: ShapeSchema }> }>;
  async function documented(
    key: string,
  ): Promise<{ responses: Documented; defs: Record<string, ShapeSchema> }> {
    document ??= buildOpenApiDocument(app);
    const doc = await document;
    const [method, path] = key.split(' ') as [string, string];
    const operation = (doc.paths?.[openApiPath(path)] as Record<string, unknown> | undefined)?.[
      method.toLowerCase()
    ] as { responses?: Documented } | undefined;
    const defs = (doc.components?.schemas ?? {}) as Record<string, ShapeSchema>;
    return { responses: operation?.responses ?? {}, defs };
  }

  return async function check(method: string, url: string, res: Response): Promise<string | undefined> {
    const key = answeringRoute(app, method, new URL(url, 'http://localhost').pathname);
    if (!key) return undefined;
    declared ??= declaredResponses(app);
    const own = declared.get(key);
    // A route without declarations is reported by the OpenAPI document test, not on every call.
    if (!own) return undefined;
    const status = String(res.status);
    const { responses, defs } = await documented(key);
    const schema = responses[status]?.content?.['application/json']?.schema;
    // OpenAPI has no wildcard paths (`/api/auth/*`): such a route keeps the contract of its own
    // declarations and the refusals its access rule brings.
    const wildcard = key.includes('*');
    const refusals = refusalsFor(key.split(' ')[0]!, routeAccess[key], false).map(String);
    const known = wildcard ? status in own || refusals.includes(status) : status in responses;
    if (!known) return `${key} answered ${status}, which its OpenAPI responses do not declare`;
    // The wildcard auth routes hand the request to better-auth, whose refusals carry its own body
    // (not always our error shape): for them only the status is part of our contract.
    if (wildcard && res.status >= 400) return undefined;
    const extra = async () => {
      const fields = undeclaredFields(await res.clone().json(), schema, defs);
      return fields.length
        ? `${key} ${status} has fields its schema does not declare: ${fields.join(', ')}`
        : undefined;
    };
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const media = own[status];
    if (!media) {
      if (res.status < 400) return `${key} answered ${status}, which its describeRoute does not declare`;
      if (type !== 'application/json') return `${key} answered ${status} as ${type || 'no type'}, not JSON`;
      const parsed = apiErrorSchema.safeParse(await res.clone().json());
      if (!parsed.success) return `${key} ${status} is not in the error shape: ${parsed.error.message}`;
      return extra();
    }
    if (Object.keys(media).length === 0)
      return type ? `${key} answered ${status} with a ${type} body; it declares none` : undefined;
    if (!(type in media))
      return `${key} answered ${status} as ${type || 'no type'}; it declares ${Object.keys(media).join(', ')}`;
    const validate = media[type];
    if (!validate) return undefined;
    const result = await validate(await res.clone().json());
    if (result.issues?.length)
      return `${key} ${status} does not match its declared schema: ${describeIssues(result.issues)}`;
    return extra();
  };
}
