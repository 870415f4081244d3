import { scoreResultSchema } from '@sightline/shared/scoring/score-result-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import { samplePdf } from '../evidence/sample-files';
import {
  assessmentTestApp,
  completeAnswers,
  createVendor,
  dueInDays,
  freshAddress,
  json,
  sendAssessment,
  vendorCall,
} from './assessment-test-kit';

let t: TestApp;
let vendorId: string;
beforeAll(async () => {
  t = await assessmentTestApp();
  vendorId = await createVendor(t);
});
afterAll(() => t?.close());

type Detail = {
  assessment: { state: string; scoreResult: unknown; scoredAt: string | null };
  evidence: { id: string; verifiedAt: string | null }[];
  mails: { purpose: string; status: string; subject: string }[];
  timeline: { action: string }[];
};
const detail = async (id: string) =>
  json<Detail>(await t.request(`/api/assessments/${id}`, { cookie: await t.signInAs('reviewer') }), 200);

async function submitted() {
  const sent = await sendAssessment(t, vendorId);
  const view = await json<{ template: Parameters<typeof completeAnswers>[0] }>(
    await vendorCall(t, sent.token, '/api/vendor/assessment', { from: freshAddress() }),
    200,
  );
  await json(
    await vendorCall(t, sent.token, '/api/vendor/answers', {
      method: 'PUT',
      json: { answers: completeAnswers(view.template) },
      from: freshAddress(),
    }),
    200,
  );
  const form = new FormData();
  form.set('questionId', 'evd.pen_test');
  form.set('file', new Blob([new Uint8Array(samplePdf())]), 'pentest.pdf');
  await json(
    await vendorCall(t, sent.token, '/api/vendor/evidence', {
      method: 'POST',
      body: form,
      from: freshAddress(),
    }),
    201,
  );
  await json(
    await vendorCall(t, sent.token, '/api/vendor/submit', { method: 'POST', from: freshAddress() }),
    200,
  );
  return sent;
}

describe('review hooks', () => {
  it('scores the answers at submit and stores the result for the decision step', async () => {
    const { id } = await submitted();
    const d = await detail(id);
    const score = scoreResultSchema.parse(d.assessment.scoreResult);
    expect(score.template.key).toBe('iso42001-a10');
    expect(['approve', 'approve_with_conditions', 'escalate', 'reject']).toContain(score.recommendation);
    expect(d.timeline.map((e) => e.action)).toContain('assessment.scored');
    // The sender is told, and the vendor's mails are listed with their delivery state.
    expect(d.mails.map((m) => m.purpose)).toEqual(['assessment.sent', 'assessment.submitted_notice']);
    expect(d.mails.every((m) => m.status === 'pending')).toBe(true);
  });

  it('lets a reviewer verify evidence, which rescores, and nobody else', async () => {
    const { id } = await submitted();
    const before = await detail(id);
    const evidenceId = before.evidence[0]!.id;
    const path = `/api/assessments/${id}/evidence/${evidenceId}/verify`;
    expect(
      (
        await t.request(path, {
          method: 'POST',
          cookie: await t.signInAs('procurement'),
          json: { verified: true },
        })
      ).status,
    ).toBe(403);
    t.clock.set(new Date(t.clock.now().getTime() + 60_000));
    await json(
      await t.request(path, {
        method: 'POST',
        cookie: await t.signInAs('reviewer'),
        json: { verified: true },
      }),
      200,
    );
    const after = await detail(id);
    expect(after.evidence[0]!.verifiedAt).not.toBeNull();
    expect(after.assessment.scoredAt).not.toBe(before.assessment.scoredAt);
    expect(after.timeline.map((e) => e.action)).toContain('assessment.evidence_verified');
    const other = await submitted();
    const wrongPair = await t.request(`/api/assessments/${other.id}/evidence/${evidenceId}/verify`, {
      method: 'POST',
      cookie: await t.signInAs('reviewer'),
      json: { verified: true },
    });
    expect(wrongPair.status).toBe(404);
  });

  it('refuses a due date more than two years out', async () => {
    const res = await t.request('/api/assessments', {
      method: 'POST',
      cookie: await t.signInAs('procurement'),
      json: { vendorId, respondentName: 'V', respondentEmail: 'v@acme.example', dueOn: '9999-12-31' },
    });
    expect(res.status).toBe(400);
    const ok = await t.request('/api/assessments', {
      method: 'POST',
      cookie: await t.signInAs('procurement'),
      json: { vendorId, respondentName: 'V', respondentEmail: 'v@acme.example', dueOn: dueInDays(t, 700) },
    });
    expect(ok.status).toBe(201);
  });

  it('lets a reviewer take back a comment before it is sent', async () => {
    const { id } = await submitted();
    const cookie = await t.signInAs('reviewer');
    const created = await json<{ id: string }>(
      await t.request(`/api/assessments/${id}/comments`, {
        method: 'POST',
        cookie,
        json: { questionId: 'prov.models', comment: 'Typo' },
      }),
      201,
    );
    const path = `/api/assessments/${id}/comments/${created.id}`;
    await json(await t.request(path, { method: 'DELETE', cookie }), 200);
    expect((await t.request(path, { method: 'DELETE', cookie })).status).toBe(404);
    const noComments = await t.request(`/api/assessments/${id}/request-changes`, {
      method: 'POST',
      cookie,
      json: {},
    });
    expect(noComments.status).toBe(400);
  });
});
