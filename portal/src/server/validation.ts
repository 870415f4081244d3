import type { Context, ValidationTargets } from 'hono';
import { createMiddleware } from 'hono/factory';
import { validator as openApiValidator, uniqueSymbol } from 'hono-openapi';
import type { z } from 'zod';
import { AppError } from './errors';

/**
 * Request validation that also feeds the OpenAPI document. A failure is a 400 in the shared error
 * shape, listing each problem with its path, and the handler never runs.
 */
export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType>(
  target: Target,
  schema: Schema,
) {
  const validator = openApiValidator(target, schema, (result) => {
    if (!result.success) {
      const issues = (result.error as readonly { message: string; path?: readonly PropertyKey[] }[]).map(
        (i) => ({
          path: (i.path ?? [])
            .map((p) => (typeof p === 'object' ? String((p as { key: PropertyKey }).key) : String(p)))
            .join('.'),
          message: i.message,
        }),
      );
      throw new AppError(
        'bad_request',
        `Invalid ${target}: ${issues.map((i) => `${i.path || '(root)'} ${i.message}`).join('; ')}`,
        issues,
      );
    }
  });
  if (target !== 'json') return validator;
  const guarded = createMiddleware(async (c, next) => {
    await requireJsonBody(c);
    return validator(c as never, next);
  });
  // The OpenAPI document finds a route's schemas by this marker on its middleware.
  const marker = (validator as unknown as Record<symbol, unknown>)[uniqueSymbol];
  return Object.assign(guarded, { [uniqueSymbol]: marker }) as unknown as typeof validator;
}

/** The media types Hono reads as JSON (its validator's own test). */
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * Hono's JSON validator reads a body of any other type as an empty object, so a route whose fields are
 * all optional would act on `text/plain` or form data as if nothing had been asked, and a body sent as
 * the wrong type would be ignored without a word. A body must be JSON; only a request with no body at
 * all (and no type) stands for the empty object.
 */
async function requireJsonBody(c: Context): Promise<void> {
  const type = c.req.header('content-type');
  if (type && JSON_MEDIA_TYPE.test(type.split(';')[0]!.trim())) return;
  if (!type && (await c.req.text()).length === 0) return;
  throw new AppError(
    'unsupported_media_type',
    `Send the request body as JSON (Content-Type: application/json), not ${type ?? 'without a type'}`,
  );
}
