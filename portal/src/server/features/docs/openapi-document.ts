import { apiErrorSchema } from '@sightline/shared/http/api-error';
import type { Hono } from 'hono';
import { type GenerateSpecOptions, generateSpecs } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
import { errorDescription } from '../../openapi-responses';
import { type RouteAccess, routeAccess } from '../../route-access';
import { APP_VERSION } from '../../version';

export type OpenApiDocument = Awaited<ReturnType<typeof generateSpecs>>;
type Operation = { security?: unknown; requestBody?: unknown; responses?: Record<string, unknown> };

const { $schema: _dialect, ...errorSchema } = z.toJSONSchema(apiErrorSchema);
const errorResponse = (status: number) =>
  ({
    description: errorDescription(status),
    content: { 'application/json': { schema: errorSchema } },
  }) as Exclude<GenerateSpecOptions['defaultValidationErrorResponse'], boolean>;

/** `/api/vendors/:id` as OpenAPI writes it: `/api/vendors/{id}` (a pattern after the name is dropped). */
export function openApiPath(honoPath: string): string {
  return honoPath
    .split('/')
    .map((segment) => segment.replace(/^:([^{?]+)(\{.+\})?\??$/, '{$1}'))
    .join('/');
}

/**
 * The refusals every route of a kind can answer, whatever the route itself declares: the access table
 * decides who is refused (401, 403, a vendor link's 404/410/429, a device's 429), the middleware in
 * front of every API route refuses NUL characters (400), bodies over the limit (413) and state-changing
 * calls from another origin (403), and any route can fail on our side (500, 503).
 */
export function refusalsFor(method: string, access: RouteAccess | undefined, takesJson: boolean): number[] {
  const statuses = [400, 500, 503];
  if (Array.isArray(access)) statuses.push(401, 403);
  if (access === 'device') statuses.push(401, 429);
  if (access === 'vendor-token') statuses.push(404, 410, 429);
  if (method.toUpperCase() !== 'GET') statuses.push(403, 413);
  if (takesJson) statuses.push(415);
  return statuses;
}

const securityFor = (access: RouteAccess | undefined): Record<string, string[]>[] => {
  if (Array.isArray(access)) return [{ session: [] }];
  if (access === 'device') return [{ device: [] }];
  if (access === 'vendor-token') return [{ vendorToken: [] }];
  return [];
};

/**
 * The OpenAPI document: inputs from each route's validators, answers from its `describeRoute`
 * responses, and, from the access table, who may call it and the refusals that follow.
 */
export async function buildOpenApiDocument(app: Hono<AppEnv>): Promise<OpenApiDocument> {
  const doc = await generateSpecs(app, {
    // The API has file routes (`/api/vendors/export.csv`, `/api/inventory/register.pdf`) that the
    // default "looks like a static file" rule would leave out; the UI's own files are not under /api.
    excludeStaticFile: false,
    exclude: [/^(?!\/api\/)/],
    // A refused input answers in the one error shape, not hono-openapi's own.
    defaultValidationErrorResponse: errorResponse(400),
    documentation: {
      info: {
        title: 'Sightline API',
        version: APP_VERSION,
        description: 'Portal, extension and vendor-page API',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' },
          device: { type: 'http', scheme: 'bearer', description: 'Per-device credential from enrollment' },
          vendorToken: { type: 'apiKey', in: 'header', name: 'x-assessment-token' },
        },
      },
    },
  });
  for (const key of Object.keys(routeAccess)) {
    const [method, path] = key.split(' ') as [string, string];
    const operation = (doc.paths?.[openApiPath(path)] as Record<string, Operation> | undefined)?.[
      method.toLowerCase()
    ];
    if (!operation) continue;
    const access = routeAccess[key];
    operation.security = securityFor(access);
    const body = operation.requestBody as { content?: Record<string, unknown> } | undefined;
    const takesJson = Boolean(body?.content?.['application/json']);
    operation.responses ??= {};
    for (const status of refusalsFor(method, access, takesJson))
      operation.responses[status] ??= errorResponse(status);
  }
  return doc;
}
