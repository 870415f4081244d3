import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './context';

export const uiDistDir = resolve(import.meta.dirname, '../../dist/ui');

/**
 * Serves the built React apps: the vendor page at /v (its own bundle, no staff code) and the staff app
 * everywhere else outside /api. Built by `vite build`; a missing build is reported, not hidden.
 */
export function mountStaticUi(app: Hono<AppEnv>): void {
  const staffHtml = resolve(uiDistDir, 'index.html');
  const vendorHtml = resolve(uiDistDir, 'vendor.html');
  const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : null);
  const missing =
    '<!doctype html><title>Sightline</title><p>The UI is not built. Run <code>pnpm start</code> (it builds it).</p>';

  app.use(
    '/assets/*',
    serveStatic({
      root: uiDistDir,
      onFound: (_path, c) => c.header('cache-control', 'public, max-age=31536000, immutable'),
    }),
  );
  app.get('/favicon.svg', serveStatic({ path: resolve(uiDistDir, 'favicon.svg') }));
  app.get('/v', (c) => c.html(read(vendorHtml) ?? missing));
  app.get('*', (c, next) => (c.req.path.startsWith('/api/') ? next() : c.html(read(staffHtml) ?? missing)));
}
