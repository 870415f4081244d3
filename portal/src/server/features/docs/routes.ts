import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
import { file, json } from '../../openapi-responses';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi-document';

const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const SWAGGER_FILES: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

const tags = ['Operations'];
/** The document's outline; the OpenAPI 3.1 specification defines the rest. */
const openApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

/** The docs page loads Swagger UI from our own origin and starts it from a file, so the CSP needs no inline script. */
const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sightline API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="swagger"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script><script src="/api/docs/start.js"></script></body></html>`;
const START_JS = "window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger' });\n";

/** Mounts the OpenAPI document (built from every route's validators) and its docs page. */
export function mountApiDocs(app: Hono<AppEnv>): void {
  let document: Promise<OpenApiDocument> | undefined;
  app.get(
    '/api/openapi.json',
    describeRoute({
      tags,
      summary: 'This OpenAPI document',
      responses: { 200: json(openApiDocumentSchema, 'OpenAPI 3.1, built from the routes themselves') },
    }),
    async (c) => {
      // Built on the first request, when every route is mounted, then kept.
      document ??= buildOpenApiDocument(app);
      return c.json(await document, 200);
    },
  );
  app.get(
    '/api/docs',
    describeRoute({
      tags,
      summary: 'The API docs page',
      responses: { 200: file('text/html', 'Swagger UI') },
    }),
    (c) => c.html(DOCS_HTML),
  );
  app.get(
    '/api/docs/start.js',
    describeRoute({
      tags,
      summary: 'Starts Swagger UI',
      responses: { 200: file('text/javascript', 'Script') },
    }),
    (c) => c.body(START_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  );
  app.get(
    '/api/docs/:file{swagger-ui\\.css|swagger-ui-bundle\\.js}',
    describeRoute({
      tags,
      summary: "Swagger UI's own files, served from our origin",
      responses: { 200: file(['text/css', 'text/javascript'], 'Stylesheet or script') },
    }),
    async (c) => {
      const name = c.req.param('file');
      const body = await readFile(join(swaggerDir, name));
      return c.body(body, 200, {
        'content-type': SWAGGER_FILES[name] ?? 'application/octet-stream',
        'cache-control': 'public, max-age=86400',
      });
    },
  );
}
