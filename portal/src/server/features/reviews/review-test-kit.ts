import { randomUUID } from 'node:crypto';
import type { assessment } from '@sightline/db/schema/assessments';
import { device } from '@sightline/db/schema/devices';
import type { storedFile } from '@sightline/db/schema/files';
import { finding } from '@sightline/db/schema/findings';
import { usageDaily } from '@sightline/db/schema/usage';
import type { PublicTemplate } from '@sightline/shared/questionnaire/public-view';
import { count, eq } from 'drizzle-orm';
import type { TestApp } from '../../testing/test-app';
import { expectJson } from '../../testing/typed-response';
import {
  completeAnswers,
  createVendor,
  dueInDays,
  freshAddress,
  json,
  sendAssessment,
  vendorCall,
} from '../assessments/assessment-test-kit';
import { postDecision } from '../decisions/decision-test-kit';
import { samplePdf } from '../evidence/sample-files';

/** Test helpers for reassessment (not used by the running portal). */

export function uploadEvidence(
  t: TestApp,
  token: string,
  questionId: string,
  name: string,
  expiresOn?: string,
) {
  const form = new FormData();
  form.set('questionId', questionId);
  if (expiresOn) form.set('expiresOn', expiresOn);
  form.set('file', new Blob([new Uint8Array(samplePdf())]), name);
  return vendorCall(t, token, '/api/vendor/evidence', { method: 'POST', body: form, from: freshAddress() });
}

/**
 * A vendor's service assessed and approved: answered (with the given evidence files), submitted,
 * reviewed and decided. Returns the assessment, the vendor and the vendor's link token.
 */
export async function decidedAssessment(
  t: TestApp,
  opts: {
    serviceId?: string;
    vendorId?: string;
    vendorName?: string;
    answers?: Record<string, unknown>;
    evidence?: { questionId: string; name: string; expiresOn?: string }[];
    outcome?: 'approve' | 'reject';
  } = {},
) {
  const vendorId =
    opts.vendorId ?? (await createVendor(t, opts.vendorName ?? `Vendor ${randomUUID().slice(0, 8)}`));
  const sent = await sendAssessment(t, vendorId, opts.serviceId ? { serviceId: opts.serviceId } : {});
  const view = await json<{ template: PublicTemplate }>(
    await vendorCall(t, sent.token, '/api/vendor/assessment', { from: freshAddress() }),
    200,
  );
  await json(
    await vendorCall(t, sent.token, '/api/vendor/answers', {
      method: 'PUT',
      json: { answers: completeAnswers(view.template, opts.answers) },
      from: freshAddress(),
    }),
    200,
  );
  for (const e of opts.evidence ?? []) {
    await json(await uploadEvidence(t, sent.token, e.questionId, e.name, e.expiresOn), 201);
  }
  await json(
    await vendorCall(t, sent.token, '/api/vendor/submit', { method: 'POST', from: freshAddress() }),
    200,
  );
  const reviewer = (await t.clientAs('reviewer')).api;
  await expectJson(reviewer.assessments[':id']['start-review'].$post({ param: { id: sent.id } }), 200);
  // The sample answers raise findings; settled here as an approver would before approving.
  await t.deps.db.update(finding).set({ status: 'resolved' }).where(eq(finding.assessmentId, sent.id));
  const outcome = opts.outcome ?? 'approve';
  await json(
    await postDecision(t, sent.id, {
      outcome,
      reason: outcome === 'approve' ? 'Meets our requirements' : 'Keeps prompts for training',
    }),
    201,
  );
  return { id: sent.id, vendorId, token: sent.token };
}

export async function dueList(t: TestApp) {
  const { api } = await t.clientAs('procurement');
  return (await expectJson(api.reviews.due.$get(), 200)).vendors;
}

export async function reasonsFor(t: TestApp, vendorId: string): Promise<string[]> {
  return (await dueList(t)).find((v) => v.vendorId === vendorId)?.reasons.map((r) => r.reason) ?? [];
}

/** Daily rollups as the extension's events leave them: `users` distinct people on `day`. */
export async function recordUse(
  t: TestApp,
  serviceId: string,
  day: string,
  users: number,
  counts: { visits?: number; blocks?: number } = { visits: 1 },
) {
  const devices = await t.deps.db
    .insert(device)
    .values(
      Array.from({ length: users }, () => ({
        credentialHash: `hash-${randomUUID()}`,
        userKey: `user-${randomUUID().slice(0, 8)}`,
        lastSeenAt: t.clock.now(),
      })),
    )
    .returning({ id: device.id, userKey: device.userKey });
  await t.deps.db
    .insert(usageDaily)
    .values(devices.map((d) => ({ day, serviceId, deviceId: d.id, userKey: d.userKey, ...counts })));
}

export { dueInDays };

/** Starts the next cycle of assessment `id` through the route, as `role` (procurement by default). */
type ReassessmentBody = Parameters<
  Awaited<ReturnType<TestApp['clientAs']>>['api']['assessments'][':id']['reassessment']['$post']
>[0]['json'];

export async function startReassessment(
  t: TestApp,
  id: string,
  body: ReassessmentBody = { dueOn: dueInDays(t, 21) },
  role: 'procurement' | 'admin' | 'reviewer' | 'viewer' = 'procurement',
) {
  const { api } = await t.clientAs(role);
  return api.assessments[':id'].reassessment.$post({ param: { id }, json: body });
}

/** The same call with a body the contract refuses, for the tests of refusals. */
export async function startInvalidReassessment(t: TestApp, id: string, body: unknown) {
  return t.request(`/api/assessments/${id}/reassessment`, {
    method: 'POST',
    cookie: await t.signInAs('procurement'),
    json: body,
  });
}

/** How many rows a table holds (to show a refused request changed nothing). */
export async function countRows(t: TestApp, table: typeof assessment | typeof storedFile): Promise<number> {
  return (await t.deps.db.select({ n: count() }).from(table))[0]!.n;
}
