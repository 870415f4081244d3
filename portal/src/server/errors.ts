import { type ApiErrorBody, type ApiErrorCode, apiErrorStatus } from '@sightline/shared/http/api-error';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
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
    if (err.status >= 500) {
      console.error(`Server fault on ${c.req.method} ${c.req.path}: ${loggableError(err)}`);
      const code = err.status === 503 ? 'unavailable' : 'internal';
      return c.json(errorBody(code, 'Something went wrong on our side'), err.status as ContentfulStatusCode);
    }
    const code = statusToCode[err.status] ?? 'bad_request';
    return c.json(errorBody(code, err.message || 'Bad request'), err.status as ContentfulStatusCode);
  }
  if (databaseUnavailable(err)) {
    // One line, no stack and no query: an outage fails every request and must not flood the log.
    console.error(`Database unavailable on ${c.req.method} ${c.req.path}: ${unavailableReason(err)}`);
    c.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    return c.json(
      errorBody(
        'unavailable',
        'The database cannot be reached right now; nothing was changed. Try again shortly.',
      ),
      503,
    );
  }
  const dbCode = databaseErrorCode(err);
  // A value PostgreSQL refuses (a NUL character, an out-of-range number) is the caller's input, and the
  // failed statement rolled its transaction back, so nothing changed: answer 400, not 500.
  if (dbCode?.startsWith('22'))
    return c.json(
      errorBody(
        'bad_request',
        'A value in the request cannot be stored (for example a NUL character or an out-of-range number)',
      ),
      400,
    );
  if (dbCode === '23505') return c.json(errorBody('conflict', 'This already exists'), 409);
  console.error(`Unhandled error on ${c.req.method} ${c.req.path}: ${loggableError(err)}`);
  return c.json(errorBody('internal', 'Something went wrong on our side'), 500);
}

export function handleNotFound(c: Context): Response {
  return c.json(errorBody('not_found', 'No such route'), 404);
}

/** How long a client should wait before retrying while the database is away (it usually restarts in seconds). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Connection failures as the drivers report them: socket errors, postgres.js's own codes, and the
 * SQLSTATEs of a server shutting down, starting up or refusing connections (57P01–57P03, class 08, 53300).
 */
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/** The error codes along a cause chain (drizzle wraps the driver's error). */
function codesOf(err: unknown): string[] {
  const codes: string[] = [];
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
  }
  return codes;
}

function databaseUnavailable(err: unknown): boolean {
  return codesOf(err).some((code) => unavailableCodes.has(code) || /^08[0-9A-Z]{3}$/.test(code));
}

function unavailableReason(err: unknown): string {
  return codesOf(err).join(' ← ') || 'no error code';
}

/** The SQLSTATE of a database error, whether thrown by the driver or wrapped by drizzle. */
function databaseErrorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
