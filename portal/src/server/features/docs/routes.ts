import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import { openAPIRouteHandler } from 'hono-openapi';
import type { AppEnv } from '../../context';
import { APP_VERSION } from '../../version';

const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const SWAGGER_FILES: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

/** The docs page loads Swagger UI from our own origin and starts it from a file, so the CSP needs no inline script. */
const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sightline API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="swagger"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script><script src="/api/docs/start.js"></script></body></html>`;
const START_JS = "window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger' });\n";

/** Mounts the OpenAPI document (built from every route's validators) and its docs page. */
export function mountApiDocs(app: Hono<AppEnv>): void {
  app.get(
    '/api/openapi.json',
    openAPIRouteHandler(app, {
      // The API has file routes (`/api/vendors/export.csv`, `/api/inventory/register.pdf`) that the
      // default "looks like a static file" rule would leave out; the UI's own files are not under /api.
      excludeStaticFile: false,
      exclude: [/^(?!\/api\/)/],
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
    }),
  );
  app.get('/api/docs', (c) => c.html(DOCS_HTML));
  app.get('/api/docs/start.js', (c) =>
    c.body(START_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  );
  app.get('/api/docs/:file{swagger-ui\\.css|swagger-ui-bundle\\.js}', async (c) => {
    const file = c.req.param('file');
    const body = await readFile(join(swaggerDir, file));
    return c.body(body, 200, {
      'content-type': SWAGGER_FILES[file] ?? 'application/octet-stream',
      'cache-control': 'public, max-age=86400',
    });
  });
}
