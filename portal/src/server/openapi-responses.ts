import { apiErrorSchema } from '@sightline/shared/http/api-error';
import { resolver } from 'hono-openapi';
import type { z } from 'zod';

/**
 * What a route answers, declared in its `describeRoute({ responses })`: each status with the shared
 * zod schema of its body (or the media type of a file). The OpenAPI document is written from these,
 * and the response-contract check in the tests parses every real answer with the very same schema.
 */
export type ResponseDeclaration =
  | ReturnType<typeof json>
  | ReturnType<typeof file>
  | ReturnType<typeof redirect>;

/** A JSON body of this shape. */
export function json(schema: z.ZodType, description: string) {
  return { description, content: { 'application/json': { schema: resolver(schema) } } };
}

/** A body that is not JSON (a CSV export, a PDF, a stored file), by its media type or the types it may have. */
export function file(mediaTypes: string | readonly string[], description: string) {
  const binary = { schema: { type: 'string' as const, format: 'binary' } };
  return {
    description,
    content: Object.fromEntries([mediaTypes].flat().map((type) => [type, binary])),
  };
}

/** A redirect without a body: `Location` says where the browser goes next. */
export function redirect(description: string) {
  return {
    description,
    headers: {
      location: { description: 'Where the browser goes next', schema: { type: 'string' as const } },
    },
  };
}

const errorDescriptions: Record<number, string> = {
  400: 'The input is invalid; `details` lists each problem with its path',
  401: 'No valid credential (sign in, or the device or vendor link is unknown)',
  403: 'The role does not allow this, or a one-time password must be replaced first',
  404: 'Nothing with this id',
  409: 'Conflicts with the current state',
  410: 'The link was withdrawn or has expired',
  413: 'The body is larger than this route takes',
  415: 'The body is not of a type this route reads',
  422: 'Understood but refused by a rule of the domain',
  429: 'Too many requests; `Retry-After` says when to try again',
  500: 'A fault on our side; `details.requestId` matches the log line',
  503: 'The database is unavailable for now; `Retry-After` says when to try again',
};

/** Error answers, all in the one error shape, by status. */
export function errors(...statuses: number[]): Record<number, ReturnType<typeof json>> {
  return Object.fromEntries(
    statuses.map((status) => [status, json(apiErrorSchema, errorDescriptions[status] ?? 'Refused')]),
  );
}

/** The description of an error status, for responses added to the document from the access table. */
export function errorDescription(status: number): string {
  return errorDescriptions[status] ?? 'Refused';
}
