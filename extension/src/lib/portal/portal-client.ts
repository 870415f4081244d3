import {
  type AccessRequestCreated,
  type AccessRequestInput,
  accessRequestCreatedSchema,
} from '@sightline/shared/extension-api/access-requests';
import type { CandidateReport } from '@sightline/shared/extension-api/candidates';
import {
  type EnrollRequest,
  type EnrollResponse,
  enrollResponseSchema,
} from '@sightline/shared/extension-api/enroll';
import { type PolicyDocument, policyDocumentSchema } from '@sightline/shared/extension-api/policy-document';
import type { EventBatch, EventBatchResult } from '@sightline/shared/extension-api/usage-events';
import { eventBatchResultSchema } from '@sightline/shared/extension-api/usage-events';
import { readApiError } from '@sightline/shared/http/api-client-error';
import { z } from 'zod';
import { retryAfterMs } from './retry-after';

/** What the portal attaches to a 401 for a device an administrator revoked (device-auth.ts). */
const revokedDetailsSchema = z.object({ reason: z.literal('revoked') });

/** How a call to the portal ended; callers decide what each means (retry, stop, drop). */
export type PortalResult<T> =
  | { ok: true; value: T }
  | { ok: false; kind: 'network'; message: string }
  | { ok: false; kind: 'unauthorized'; revoked: boolean; message: string }
  | { ok: false; kind: 'rejected'; status: number; message: string }
  | { ok: false; kind: 'server'; status: number; message: string; retryAfterMs?: number };

type Fetch = typeof fetch;
const TIMEOUT_MS = 20_000;

async function call<T>(
  fetchImpl: Fetch,
  url: string,
  init: RequestInit,
  parse: (res: Response) => Promise<T>,
): Promise<PortalResult<T>> {
  let res: Response;
  try {
    res = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS), credentials: 'omit' });
  } catch (error) {
    return { ok: false, kind: 'network', message: (error as Error).message || 'Portal unreachable' };
  }
  if (res.ok || res.status === 304) {
    try {
      return { ok: true, value: await parse(res) };
    } catch (error) {
      return {
        ok: false,
        kind: 'server',
        status: res.status,
        message: `Unexpected answer: ${(error as Error).message}`,
      };
    }
  }
  // The shared parser reads the API's error shape, and names the status when the body is something else
  // (a proxy's error page).
  const error = await readApiError(res);
  const { message } = error;
  if (res.status === 401) {
    const revoked = revokedDetailsSchema.safeParse(error.details).success;
    return { ok: false, kind: 'unauthorized', revoked, message };
  }
  // 429 and 5xx are worth retrying later; other 4xx mean this exact request can never succeed.
  // The portal may say how long to wait (429 over the device's budget, 503 while its database is away).
  if (res.status >= 500 || res.status === 429) {
    const wait = retryAfterMs(res.headers.get('retry-after'));
    return {
      ok: false,
      kind: 'server',
      status: res.status,
      message,
      ...(wait === null ? {} : { retryAfterMs: wait }),
    };
  }
  return { ok: false, kind: 'rejected', status: res.status, message };
}

const json =
  <S extends z.ZodType>(schema: S) =>
  async (res: Response) =>
    schema.parse(await res.json());

export type PortalClient = ReturnType<typeof createPortalClient>;

export function createPortalClient(fetchImpl: Fetch = (...args) => fetch(...args)) {
  const headers = (credential?: string, etag?: string | null): Record<string, string> => ({
    'content-type': 'application/json',
    ...(credential ? { authorization: `Bearer ${credential}` } : {}),
    ...(etag ? { 'if-none-match': etag } : {}),
  });
  return {
    enroll: (portalUrl: string, body: EnrollRequest): Promise<PortalResult<EnrollResponse>> =>
      call(
        fetchImpl,
        `${portalUrl}/api/ext/enroll`,
        { method: 'POST', headers: headers(), body: JSON.stringify(body) },
        json(enrollResponseSchema),
      ),

    /** `value` is null when the portal answered 304 (the stored copy is current). */
    policy: (
      portalUrl: string,
      credential: string,
      etag: string | null,
    ): Promise<PortalResult<{ doc: PolicyDocument; etag: string | null } | null>> =>
      call(
        fetchImpl,
        `${portalUrl}/api/ext/policy`,
        { method: 'GET', headers: headers(credential, etag) },
        async (res) =>
          res.status === 304
            ? null
            : { doc: policyDocumentSchema.parse(await res.json()), etag: res.headers.get('etag') },
      ),

    events: (
      portalUrl: string,
      credential: string,
      batch: EventBatch,
    ): Promise<PortalResult<EventBatchResult>> =>
      call(
        fetchImpl,
        `${portalUrl}/api/ext/events`,
        { method: 'POST', headers: headers(credential), body: JSON.stringify(batch) },
        json(eventBatchResultSchema),
      ),

    request: (
      portalUrl: string,
      credential: string,
      body: AccessRequestInput,
    ): Promise<PortalResult<AccessRequestCreated>> =>
      call(
        fetchImpl,
        `${portalUrl}/api/ext/requests`,
        { method: 'POST', headers: headers(credential), body: JSON.stringify(body) },
        json(accessRequestCreatedSchema),
      ),

    candidates: (
      portalUrl: string,
      credential: string,
      body: CandidateReport,
    ): Promise<PortalResult<unknown>> =>
      call(
        fetchImpl,
        `${portalUrl}/api/ext/candidates`,
        { method: 'POST', headers: headers(credential), body: JSON.stringify(body) },
        async (res) => res.json(),
      ),
  };
}
