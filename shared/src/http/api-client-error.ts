import { z } from 'zod';
import { type ApiErrorCode, apiErrorSchema, apiErrorStatus } from './api-error';

/** Every code the API sends, plus `network`: no answer at all (offline, DNS, a timeout, CORS). */
export type ClientErrorCode = ApiErrorCode | 'network';

/**
 * How a call to the API failed, as every client (staff UI, vendor page, extension) sees it. `status`
 * is the HTTP status, or 0 when no answer came; `details` is what the server attached (the fields a
 * 400 refused, the answers a 409 conflicts on).
 */
export class ApiClientError extends Error {
  override readonly name = 'ApiClientError';

  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** A body with a message in the API's shape but a code this client does not know (a newer server). */
const unknownCodeSchema = z.object({
  error: z.object({ message: z.string().min(1), details: z.unknown().optional() }),
});

/** The code a bare status stands for, when the body does not say (a proxy's 502 page, an empty 404). */
function codeForStatus(status: number): ApiErrorCode {
  const known = (Object.keys(apiErrorStatus) as ApiErrorCode[]).find(
    (code) => apiErrorStatus[code] === status,
  );
  if (known) return known;
  return status >= 400 && status < 500 ? 'bad_request' : 'internal';
}

/**
 * Turns a refusal (a status that is not 2xx and whatever body came with it) into an ApiClientError:
 * the server's code, message and details when the body is the API's error shape, otherwise a code
 * from the status and a message that names it. Never throws, whatever the body.
 */
export function parseApiError(status: number, body: unknown): ApiClientError {
  const parsed = apiErrorSchema.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiClientError(status, code, message, details);
  }
  const loose = unknownCodeSchema.safeParse(body);
  if (loose.success) {
    return new ApiClientError(
      status,
      codeForStatus(status),
      loose.data.error.message,
      loose.data.error.details,
    );
  }
  return new ApiClientError(
    status,
    codeForStatus(status),
    `The server answered ${status}. Please try again.`,
  );
}

/** Reads a refused response's body (JSON or not) and parses it. */
export async function readApiError(res: {
  status: number;
  json(): Promise<unknown>;
}): Promise<ApiClientError> {
  const body = await res.json().catch(() => null);
  return parseApiError(res.status, body);
}

export const NO_CONNECTION_MESSAGE = 'No connection to the server. Check your network and try again.';

/** A call that got no answer at all: fetch rejected (offline, DNS, timeout, CORS). */
export function networkError(message: string = NO_CONNECTION_MESSAGE): ApiClientError {
  return new ApiClientError(0, 'network', message);
}

/**
 * Any thrown value as an ApiClientError (the model is documenso's AppError.parseError): itself when
 * it is one already, otherwise an `internal` error that keeps the original as `details`, so a caller
 * can always show `error.message`.
 */
export function toApiClientError(error: unknown, fallbackMessage = 'Something went wrong.'): ApiClientError {
  if (error instanceof ApiClientError) return error;
  return new ApiClientError(0, 'internal', fallbackMessage, error);
}
