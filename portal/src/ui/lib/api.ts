import type { ApiErrorBody } from '@sightline/shared/http/api-error';
import { hc } from 'hono/client';
import type { ApiRoutes } from '../../server/app';

/** The typed API client; every call goes through `unwrap` so errors surface in one shape. */
export const api = hc<ApiRoutes>('/', { init: { credentials: 'same-origin' } });

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Resolves a typed-client response to its JSON body, or throws an ApiError with the server's message. */
export async function unwrap<T>(
  responsePromise: Promise<{ ok: boolean; status: number; json: () => Promise<T> }>,
): Promise<Exclude<T, ApiErrorBody>> {
  const res = await responsePromise;
  if (res.ok) return (await res.json()) as Exclude<T, ApiErrorBody>;
  const body = (await res.json().catch(() => null)) as ApiErrorBody | null;
  throw new ApiError(
    res.status,
    body?.error.code ?? 'internal',
    body?.error.message ?? `Request failed (${res.status})`,
    body?.error.details,
  );
}

/** For endpoints outside the typed client (better-auth's, uploads): same error handling. */
export async function requestJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, {
    credentials: 'same-origin',
    ...init,
    headers:
      init.body && !(init.body instanceof FormData)
        ? { 'content-type': 'application/json', ...init.headers }
        : init.headers,
  });
  if (res.ok) return (await res.json()) as T;
  const body = (await res.json().catch(() => null)) as ApiErrorBody | null;
  throw new ApiError(
    res.status,
    body?.error.code ?? 'internal',
    body?.error.message ?? `Request failed (${res.status})`,
  );
}
