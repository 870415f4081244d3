import { type ScoreResult, scoreResultSchema } from '@sightline/shared/scoring/score-result-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import { submittedAssessment } from '../findings/submitted-assessment';
import { assessmentTestApp, createVendor, json, sendAssessment } from './assessment-test-kit';

let t: TestApp;
let vendorId: string;
let id: string;
beforeAll(async () => {
  t = await assessmentTestApp();
  vendorId = await createVendor(t);
  id = (await submittedAssessment(t, vendorId)).id;
});
afterAll(() => t?.close());

type Detail = {
  assessment: { scoreResult: unknown; scoredAt: string };
  overrides: { questionId: string; points: number; reason: string; authorName: string; createdAt: string }[];
  timeline: { action: string; details: Record<string, unknown> }[];
};
const detail = async (assessmentId = id) =>
  json<Detail>(
    await t.request(`/api/assessments/${assessmentId}`, { cookie: await t.signInAs('reviewer') }),
    200,
  );
const score = (d: Detail): ScoreResult => scoreResultSchema.parse(d.assessment.scoreResult);
const item = (s: ScoreResult, questionId: string) => s.breakdown.find((b) => b.questionId === questionId)!;
const override = async (body: unknown, role: 'reviewer' | 'procurement' = 'reviewer', assessmentId = id) =>
  t.request(`/api/assessments/${assessmentId}/overrides`, {
    method: 'POST',
    cookie: await t.signInAs(role),
    json: body,
  });
const withdraw = async (questionId: string, body: unknown) =>
  t.request(`/api/assessments/${id}/overrides/${questionId}`, {
    method: 'DELETE',
    cookie: await t.signInAs('reviewer'),
    json: body,
  });

describe('score overrides', () => {
  it('refuses points out of range, a missing reason and questions that carry no points, storing nothing', async () => {
    const before = await detail();
    const reason = 'Verified on a call with their CISO';
    const refused = [
      { questionId: 'inc.process', points: 1.5, reason },
      { questionId: 'inc.process', points: -0.1, reason },
      { questionId: 'inc.process', points: 0.5 },
      { questionId: 'inc.process', points: 0.5, reason: '  ok  ' },
      { questionId: 'no.such_question', points: 0.5, reason },
      // Free text, no weight.
      { questionId: 'prov.models', points: 0.5, reason },
      // Asked only of high-risk or general-purpose services, hidden for these answers.
      { questionId: 'inc.authority_reporting', points: 0.5, reason },
    ];
    for (const body of refused) expect((await override(body)).status, JSON.stringify(body)).toBe(400);
    expect((await override({ questionId: 'inc.process', points: 0.5, reason }, 'procurement')).status).toBe(
      403,
    );
    const after = await detail();
    expect(after.overrides).toEqual([]);
    expect(after.assessment.scoredAt).toBe(before.assessment.scoredAt);
    expect(after.timeline.map((e) => e.action)).not.toContain('assessment.override_set');
  });

  it('rescores with the override, shows who and why, and withdrawing restores the computed points', async () => {
    const original = score(await detail());
    const computed = item(original, 'inc.process').points;
    expect(computed).toBeGreaterThan(0);

    await json(
      await override({ questionId: 'inc.process', points: 0.2, reason: 'Process is a draft only' }),
      200,
    );
    const changed = await json<{ score: { residual: number } }>(
      await override({ questionId: 'inc.process', points: 0, reason: 'No written process was shown' }),
      200,
    );
    const d = await detail();
    const s = score(d);
    expect(item(s, 'inc.process')).toMatchObject({
      points: 0,
      override: {
        points: 0,
        reason: 'No written process was shown',
        by: 'reviewer@example.test',
        computedPoints: computed,
      },
    });
    expect(s.residual.overall).toBeGreaterThan(original.residual.overall!);
    expect(changed.score.residual).toBe(s.residual.overall);
    expect(d.overrides).toEqual([
      expect.objectContaining({
        questionId: 'inc.process',
        points: 0,
        reason: 'No written process was shown',
        authorName: 'Test reviewer',
      }),
    ]);
    const overridden = d.timeline.filter((e) => e.action === 'assessment.override_set');
    expect(overridden).toHaveLength(2);
    expect(overridden[1]!.details).toMatchObject({
      questionId: 'inc.process',
      points: 0,
      previous: { points: 0.2, reason: 'Process is a draft only' },
    });

    await json(await withdraw('inc.process', { reason: 'They sent the document after all' }), 200);
    const back = await detail();
    const restored = score(back);
    expect(item(restored, 'inc.process').points).toBe(computed);
    expect(item(restored, 'inc.process').override).toBeUndefined();
    expect(restored.residual.overall).toBe(original.residual.overall);
    expect(back.overrides).toEqual([]);
    expect(back.timeline.find((e) => e.action === 'assessment.override_withdrawn')?.details).toMatchObject({
      questionId: 'inc.process',
      reason: 'They sent the document after all',
      withdrawn: { points: 0, reason: 'No written process was shown' },
    });
    // No body at all is fine too (the reason is optional); there is nothing left to withdraw.
    const again = await t.request(`/api/assessments/${id}/overrides/inc.process`, {
      method: 'DELETE',
      cookie: await t.signInAs('reviewer'),
    });
    expect(again.status).toBe(404);
  });

  it('refuses overrides before the vendor has submitted (409)', async () => {
    const sent = await sendAssessment(t, vendorId);
    const res = await override(
      { questionId: 'inc.process', points: 0, reason: 'Too early to say' },
      'reviewer',
      sent.id,
    );
    expect(res.status).toBe(409);
    expect((await detail(sent.id)).overrides).toEqual([]);
  });
});
