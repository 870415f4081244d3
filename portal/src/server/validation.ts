import type { ValidationTargets } from 'hono';
import { validator as openApiValidator } from 'hono-openapi';
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
  return openApiValidator(target, schema, (result) => {
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
}
