import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../context';
import { AppError } from '../../errors';

/**
 * PostgreSQL text and jsonb cannot hold the NUL character, so a string carrying one would fail in
 * the database (a 5xx). Refused up front, in the query string and in JSON bodies, as bad input.
 */
export const rejectNulBytes = createMiddleware<AppEnv>(async (c, next) => {
  if (/%00/.test(c.req.url)) throw new AppError('bad_request', 'The request contains a NUL character');
  const type = c.req.header('content-type') ?? '';
  // Upload routes take multipart only (JSON there is refused unread) and have their own, larger
  // size limit that has not run yet: reading their body here would read it unbounded.
  const uploadRoute = /\/(evidence|documents)$/.test(c.req.path);
  // A clone, so the body stream stays unread for the size limit and the validator after us.
  if (type.includes('json') && !uploadRoute && /\\u0000/i.test(await c.req.raw.clone().text())) {
    throw new AppError('bad_request', 'The request contains a NUL character');
  }
  await next();
});
