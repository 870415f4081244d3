import { type ApiErrorBody, apiErrorSchema } from '@sightline/shared/http/api-error';
import type { ClientResponse } from 'hono/client';

type AnyResponse = ClientResponse<unknown, number, string>;
/** The JSON body a typed-client answer has at one status, as the route's own code types it. */
type JsonAt<R, S extends number> =
  R extends ClientResponse<infer T, infer U, infer F>
    ? U extends S
      ? F extends 'json'
        ? T
        : never
      : never
    : never;

/**
 * Checks a typed-client answer's status and gives its body, typed as the route answers at that
 * status: a route that stops answering it, or changes the body, no longer compiles with its tests.
 */
export async function expectJson<R extends AnyResponse, S extends R['status']>(
  response: R | Promise<R>,
  status: S,
): Promise<JsonAt<R, S>> {
  const res = await response;
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  return (await res.json()) as JsonAt<R, S>;
}

/** Checks that a call was refused with this status, and gives the error body (the one error shape). */
export async function expectError(
  response:
    | { status: number; text(): Promise<string> }
    | Promise<{ status: number; text(): Promise<string> }>,
  status: number,
): Promise<ApiErrorBody> {
  const res = await response;
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text) as ApiErrorBody;
}

/**
 * The error body of a refused call, read with the one error shape (a typed-client answer's type names
 * only the route's successes, so its `json()` would claim a success body).
 */
export async function errorOf(res: { json(): Promise<unknown> }): Promise<ApiErrorBody> {
  return apiErrorSchema.parse(await res.json());
}
