import {
  ASSESSMENT_TOKEN_HEADER,
  type PublicEvidence,
  type VendorView,
} from '@sightline/shared/assessments/vendor-page-api';
import { networkError, parseApiError, readApiError } from '@sightline/shared/http/api-client-error';
import type { AnswerInput } from '@sightline/shared/questionnaire/answer-schema';
import type { MaterialChangeKind } from '@sightline/shared/reviews/review-enums';

/** Under the 64 KiB browsers allow for all keepalive requests in flight together. */
const KEEPALIVE_MAX_BYTES = 48 * 1024;

/**
 * The link's token travels only in a header: never in a query string (it would land in logs), and
 * cookies are omitted so a staff session in the same browser plays no part.
 */
export function createVendorApi(token: string) {
  async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
    let res: Response;
    try {
      res = await fetch(path, {
        ...init,
        credentials: 'omit',
        cache: 'no-store',
        headers: { [ASSESSMENT_TOKEN_HEADER]: token, ...(init.headers as Record<string, string>) },
      });
    } catch {
      throw networkError('No connection to the server. Check your network; nothing was lost.');
    }
    if (!res.ok) throw await readApiError(res);
    const body = (await res.json().catch(() => null)) as T | null;
    if (body === null) throw parseApiError(res.status, null);
    return body;
  }
  const json = (method: string, body: unknown): RequestInit => ({
    method,
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  return {
    view: () => call<VendorView>('/api/vendor/assessment'),
    save: (answers: Record<string, AnswerInput>, baseRevisions: Record<string, number>) => {
      const init = json('PUT', { answers, baseRevisions });
      // keepalive lets a save outlive the page (closed, reloaded) it was sent from; browsers allow it
      // only for small bodies, and a larger save still goes, as an ordinary request.
      const keepalive = new TextEncoder().encode(init.body as string).length <= KEEPALIVE_MAX_BYTES;
      return call<{ saved: string[]; state: string; revisions: Record<string, number> }>(
        '/api/vendor/answers',
        { ...init, keepalive },
      );
    },
    upload: (form: FormData) => call<PublicEvidence>('/api/vendor/evidence', { method: 'POST', body: form }),
    removeEvidence: (id: string) =>
      call<{ ok: true }>(`/api/vendor/evidence/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    inviteColleague: (input: { name: string; email: string }) =>
      call<{ invited: string }>('/api/vendor/colleagues', json('POST', input)),
    submit: () => call<{ state: string; submittedAt: string }>('/api/vendor/submit', { method: 'POST' }),
    confirm: (questionIds: string[]) =>
      call<{ confirmed: string[] }>('/api/vendor/answers/confirm', json('POST', { questionIds })),
    declareChange: (input: { kind: MaterialChangeKind; description: string }) =>
      call<{ id: string }>('/api/vendor/material-changes', json('POST', input)),
  };
}

export type VendorApi = ReturnType<typeof createVendorApi>;

/** The token from the URL fragment (`/v#<token>`); the fragment never reaches a server. */
export function tokenFromLocation(hash: string): string | null {
  const token = hash.replace(/^#/, '').trim();
  return token.length > 0 ? token : null;
}
