/**
 * Which database errors are faults of the moment rather than the request's: the server cannot be
 * reached, is restarting, or gave up on the statement. Such a request changed nothing and may simply
 * be tried again, so it is answered 503 with Retry-After, never 500 or 4xx.
 */
export type DatabaseFault = {
  /** Whole seconds a client should wait before trying again. */
  retryAfterSeconds: number;
  message: string;
  /** The codes along the error's cause chain, for the log line (no query, no values). */
  reason: string;
};

/** How long a client should wait while the database is away (a restart takes seconds). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Connection failures as the drivers report them: socket errors, postgres.js's own codes, and the
 * SQLSTATEs of a server shutting down, starting up or refusing connections (57P01–57P03, class 08, 53300).
 */
const unreachableCodes = new Set([
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

/**
 * The server is there but gave up on this statement: the statement timeout (57014), a deadlock
 * (40P01) or a serialization failure (40001). The transaction was rolled back; trying again works.
 */
const busyCodes = new Set(['57014', '40P01', '40001']);

/** The error codes along a cause chain (drizzle wraps the driver's error). */
export function errorCodes(err: unknown): string[] {
  const codes: string[] = [];
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
  }
  return codes;
}

export function databaseFault(err: unknown): DatabaseFault | null {
  const codes = errorCodes(err);
  const reason = codes.join(' ← ');
  if (codes.some((code) => unreachableCodes.has(code) || /^08[0-9A-Z]{3}$/.test(code)))
    return {
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
      message: 'The database cannot be reached right now; nothing was changed. Try again shortly.',
      reason,
    };
  if (codes.some((code) => busyCodes.has(code)))
    return {
      retryAfterSeconds: 1,
      message: 'The database was too busy to finish this request; nothing was changed. Try again.',
      reason,
    };
  return null;
}

/** The SQLSTATE of a database error, whether thrown by the driver or wrapped by drizzle. */
export function sqlState(err: unknown): string | undefined {
  return errorCodes(err).find((code) => /^[0-9A-Z]{5}$/.test(code));
}
