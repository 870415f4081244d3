import { randomUUID } from 'node:crypto';
import { type ApiErrorBody, type ApiErrorCode, apiErrorStatus } from '@sightline/shared/http/api-error';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { databaseFault, sqlState } from './database-faults';
import { loggableError } from './loggable-error';

/** The one error class services throw; `onError` turns it into the shared error shape. */
export class AppError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
    /** Sent as `Retry-After` (whole seconds, at least 1): when a refused caller may try again. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export function errorBody(code: ApiErrorCode, message: string, details?: unknown): ApiErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

const statusToCode: Record<number, ApiErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

export function handleError(err: Error, c: Context): Response {
  if (err instanceof AppError) {
    const status = apiErrorStatus[err.code] as ContentfulStatusCode;
    if (err.retryAfterMs !== undefined)
      c.header('Retry-After', String(Math.max(1, Math.ceil(err.retryAfterMs / 1000))));
    return c.json(errorBody(err.code, err.message, err.details), status);
  }
  if (err instanceof HTTPException) {
    // A fault stays a fault: a 5xx answered as 400 would blame the caller and hide it from monitoring.
    if (err.status >= 500)
      return answerFault(c, err.status as ContentfulStatusCode, `Server fault: ${loggableError(err)}`);
    const code = statusToCode[err.status] ?? 'bad_request';
    return c.json(errorBody(code, err.message || 'Bad request'), err.status as ContentfulStatusCode);
  }
  const fault = databaseFault(err);
  if (fault) {
    // One line, no stack and no query: an outage fails every request and must not flood the log.
    c.header('Retry-After', String(fault.retryAfterSeconds));
    return answerFault(c, 503, `Database unavailable: ${fault.reason}`, fault.message);
  }
  const dbCode = sqlState(err);
  if (dbCode === '23505') return c.json(errorBody('conflict', 'This already exists'), 409);
  return answerFault(c, 500, `Unhandled error: ${loggableError(err)}`);
}

/**
 * A fault of ours: logged as one entry that starts with the request id, answered with the same id
 * (header and body) so that whoever reports it can be matched to the log. The log line comes from
 * loggableError or error codes, never from the query's values.
 */
function answerFault(
  c: Context,
  status: ContentfulStatusCode,
  logLine: string,
  message = 'Something went wrong on our side',
): Response {
  const requestId = (c.get('requestId') as string | undefined) ?? randomUUID();
  c.header('X-Request-Id', requestId);
  console.error(`[${requestId}] ${status} ${c.req.method} ${c.req.path}: ${logLine}`);
  const code: ApiErrorCode = status === 503 ? 'unavailable' : 'internal';
  return c.json(errorBody(code, message, { requestId }), status);
}

export function handleNotFound(c: Context): Response {
  return c.json(errorBody('not_found', 'No such route'), 404);
}
