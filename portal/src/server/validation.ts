import type { Context, ValidationTargets } from 'hono';
import { createMiddleware } from 'hono/factory';
import { validator as openApiValidator, uniqueSymbol } from 'hono-openapi';
import type { z } from 'zod';
import { AppError } from './errors';

/**
 * Request validation that also feeds the OpenAPI document. A failure is a 400 in the shared error
 * shape, listing each problem with its path, and the handler never runs. Beyond the schema, no string
 * may hold a lone surrogate (see `illFormedTextAt`), and a JSON route takes only JSON (`requireJsonBody`).
 */
export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType>(
  target: Target,
  schema: Schema,
) {
  const validator = openApiValidator(target, schema, (result) => {
    if (result.success) {
      const at = illFormedTextAt(result.data);
      if (at !== undefined)
        throw new AppError(
          'bad_request',
          `Invalid ${target}: ${at || '(root)'} holds a lone UTF-16 surrogate, which is not text and cannot be stored`,
          [{ path: at, message: 'lone surrogate' }],
        );
      return;
    }
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

/**
 * The path of the first string (or key) holding a lone UTF-16 surrogate, which JSON can carry as a
 * `\uD800` escape but UTF-8 and PostgreSQL's jsonb cannot: left in, it failed the insert (a 500) or
 * was silently replaced. Walked without recursion, since a body may be nested thousands deep.
 */
const LONE_SURROGATE = /\p{Cs}/u;

function illFormedTextAt(value: unknown): string | undefined {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (LONE_SURROGATE.test(v)) return path;
    } else if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) stack.push([item, path ? `${path}.${i}` : String(i)]);
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        const at = path ? `${path}.${key}` : key;
        if (LONE_SURROGATE.test(key)) return at;
        stack.push([item, at]);
      }
    }
  }
  return undefined;
}
