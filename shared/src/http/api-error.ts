import { z } from 'zod';

/** Every error the API returns has this shape; clients unwrap it in one place. */
export const apiErrorCodes = [
  'bad_request',
  'unauthenticated',
  'forbidden',
  /** Signed in with a one-time password: choose a new one (POST /api/auth/change-password) first. */
  'password_change_required',
  'not_found',
  'conflict',
  'gone',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal',
  /** A dependency (the database) is not reachable for now; `Retry-After` says when to try again. */
  'unavailable',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(apiErrorCodes),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

export const apiErrorStatus: Record<ApiErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  password_change_required: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};
