import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context';
import { AppError } from '../errors';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Caps request bodies; routes that take uploads pass a larger limit. Over the cap: 413, nothing stored. */
export function maxBody(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError('payload_too_large', `The request body is over ${Math.round(maxSize / 1024)} KB`);
    },
  });
}

/** The default cap for every API route whose path is not in `largerLimits`. */
export function defaultBodyLimit(largerLimits: readonly RegExp[]) {
  const limiter = maxBody(DEFAULT_BODY_LIMIT);
  return createMiddleware<AppEnv>(async (c, next) => {
    if (largerLimits.some((re) => re.test(c.req.path))) return next();
    return limiter(c, next);
  });
}
