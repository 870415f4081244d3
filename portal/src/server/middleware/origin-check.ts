import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context';
import { AppError } from '../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery guard: a state-changing request that carries a session cookie must come
 * from the portal's own origin. Device and vendor calls carry no cookie and are checked by credential.
 */
export function requireSameOrigin(allowedOrigin: string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method) && c.req.header('cookie')) {
      const origin = c.req.header('origin');
      if (origin !== allowedOrigin) throw new AppError('forbidden', 'Cross-origin request refused');
    }
    await next();
  });
}
