import type { Hono } from 'hono';
import { findTargetHandler } from 'hono/utils/handler';
import { uniqueSymbol } from 'hono-openapi';
import type { AppEnv } from '../../context';
import { type RouteAccess, routeAccess } from '../../route-access';

/** The subset of JSON Schema that zod writes for the portal's request schemas. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
};

/** One of a route's validators: its schema as JSON Schema, and the very function the route validates with. */
export type RouteValidator = {
  schema: JsonSchema;
  /** Whether the route's own validator accepts this value. */
  accepts: (value: unknown) => Promise<boolean>;
};

export type InventoriedRoute = {
  method: string;
  path: string;
  key: string;
  access: RouteAccess | undefined;
  json?: RouteValidator;
  param?: RouteValidator;
  query?: RouteValidator;
  /** Path parameter names, in order. */
  params: string[];
};

type ValidatorMeta = {
  target?: string;
  validate?: (value: unknown) => unknown;
  toJSONSchema?: (options: Record<string, unknown>) => Promise<JsonSchema> | JsonSchema;
};

/**
 * Every API route of the app, read from the app itself (Hono's route table, where each middleware of
 * a route is its own entry), with the validators hono-openapi attached to them. A route added
 * tomorrow appears here without anyone listing it.
 */
export async function inventoryRoutes(app: Hono<AppEnv>): Promise<InventoriedRoute[]> {
  const byKey = new Map<string, InventoriedRoute>();
  for (const r of app.routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/api/') || r.path === '/api/*') continue;
    const key = `${r.method} ${r.path}`;
    let route = byKey.get(key);
    if (!route) {
      route = {
        method: r.method,
        path: r.path,
        key,
        access: routeAccess[key],
        params: [...r.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!),
      };
      byKey.set(key, route);
    }
    const meta = (findTargetHandler(r.handler) as unknown as Record<symbol, ValidatorMeta | undefined>)[
      uniqueSymbol
    ];
    if (!meta?.target || !meta.validate || !meta.toJSONSchema) continue;
    if (meta.target !== 'json' && meta.target !== 'param' && meta.target !== 'query')
      throw new Error(`${key} validates ${meta.target}, which the fuzz test does not generate yet`);
    const validate = meta.validate;
    route[meta.target] = {
      schema: await meta.toJSONSchema({ io: 'input', unrepresentable: 'any' }),
      accepts: async (value) => {
        const result = (await validate(value)) as { issues?: unknown };
        return !result.issues;
      },
    };
  }
  return [...byKey.values()];
}
