import { networkError, readApiError } from '@sightline/shared/http/api-client-error';
import type { ApiErrorBody } from '@sightline/shared/http/api-error';
import { hc } from 'hono/client';
import type { ApiRoutes } from '../../server/app';

/** The typed API client; every call goes through `unwrap` so errors surface in one shape. */
export const api = hc<ApiRoutes>('/', { init: { credentials: 'same-origin' } });

/** Waits for a response, turning "no answer at all" into the shared network error. */
async function answered<R>(responsePromise: Promise<R>): Promise<R> {
  try {
    return await responsePromise;
  } catch {
    throw networkError();
  }
}

/**
 * Resolves a typed-client response to its JSON body, or throws the shared ApiClientError with the
 * server's code, message and details.
 */
export async function unwrap<T>(
  responsePromise: Promise<{ ok: boolean; status: number; json: () => Promise<T> }>,
): Promise<Exclude<T, ApiErrorBody>> {
  const res = await answered(responsePromise);
  if (res.ok) return (await res.json()) as Exclude<T, ApiErrorBody>;
  throw await readApiError(res);
}

/** For endpoints outside the typed client (better-auth's, uploads): same error handling. */
export async function requestJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await answered(
    fetch(path, {
      credentials: 'same-origin',
      ...init,
      headers:
        init.body && !(init.body instanceof FormData)
          ? { 'content-type': 'application/json', ...init.headers }
          : init.headers,
    }),
  );
  if (res.ok) return (await res.json()) as T;
  throw await readApiError(res);
}
