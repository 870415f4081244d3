import type { VendorView } from '@sightline/shared/assessments/vendor-page-api';
import type { TestApp } from '../../testing/test-app';
import { freshAddress, json, vendorCall } from './assessment-test-kit';

type StaffRole = 'procurement' | 'reviewer' | 'auditor';

/**
 * The calls the lifecycle story makes, as the vendor page and as staff, each checked for its status.
 * Every body the vendor page receives is kept in `publicBodies`, so the story can check at the end that
 * none of them carried an internal field. The app is passed as a getter because it starts in `beforeAll`.
 */
export function lifecycleCalls(app: () => TestApp) {
  const publicBodies: unknown[] = [];

  async function vendor<T = Record<string, unknown>>(
    token: string,
    path: string,
    status: number,
    opts: Parameters<typeof vendorCall>[3] = {},
  ) {
    const body = await json<T>(
      await vendorCall(app(), token, path, { from: freshAddress(), ...opts }),
      status,
    );
    publicBodies.push(body);
    return body;
  }
  const getView = (token: string) => vendor<VendorView>(token, '/api/vendor/assessment', 200);
  const save = (token: string, answers: unknown, status = 200) =>
    vendor<{ saved: string[]; state: string; error?: { details: { questionId: string }[] } }>(
      token,
      '/api/vendor/answers',
      status,
      {
        method: 'PUT',
        json: { answers },
      },
    );

  async function staff<T = Record<string, unknown>>(
    role: StaffRole,
    path: string,
    status: number,
    opts: { method?: string; json?: unknown } = {},
  ) {
    const t = app();
    const cookie = await t.signInAs(role);
    return json<T>(
      await t.request(path, {
        cookie,
        method: opts.method ?? 'GET',
        json: opts.json ?? (opts.method ? {} : undefined),
      }),
      status,
    );
  }
  const detail = (id: string) =>
    staff<{
      assessment: { state: string; firstOpenedAt: string | null };
      answers: { questionId: string; locked: boolean }[];
      evidence: { id: string }[];
      timeline: { action: string }[];
      comments: { questionId: string; resolvedAt: string | null }[];
    }>('auditor', `/api/assessments/${id}`, 200);

  return { publicBodies, vendor, getView, save, staff, detail };
}
