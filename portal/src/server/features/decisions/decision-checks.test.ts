import { assessment } from '@sightline/db/schema/assessments';
import { user } from '@sightline/db/schema/auth';
import { finding } from '@sightline/db/schema/findings';
import { servicePolicy } from '@sightline/db/schema/policy';
import type { DecisionView } from '@sightline/shared/decisions/decision-api';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../audit/record-audit';
import type { TestApp } from '../../testing/test-app';
import { errorOf } from '../../testing/typed-response';
import { assessmentTestApp, json } from '../assessments/assessment-test-kit';
import { decisionTestHelpers, reason } from './decide-test-helpers';
import { assessmentUnderReview, postDecision, postInvalidDecision } from './decision-test-kit';

let t: TestApp;
beforeAll(async () => {
  t = await assessmentTestApp();
});
afterAll(() => t?.close());
const { stateOf, decisionsFor, settleFindings } = decisionTestHelpers(() => t);

describe('POST /api/assessments/:id/decision', () => {
  it('refuses the reviewer of the same assessment with 409 and says why, unless the org turned it off', async () => {
    const admin = await t.signInAs('admin');
    const { id } = await assessmentUnderReview(t, { serviceId: 'quora-poe', reviewer: 'admin' });
    await settleFindings(id);
    for (const outcome of ['approve', 'reject'] as const) {
      const res = await postDecision(t, id, { outcome, reason }, 'admin');
      expect(res.status).toBe(409);
      expect((await errorOf(res)).error.message).toMatch(
        /You reviewed this assessment; another approver must decide it/,
      );
    }
    expect(await stateOf(id)).toBe('under_review');
    expect(await decisionsFor(id)).toEqual([]);

    await json(
      await t.request('/api/settings', {
        method: 'PATCH',
        cookie: admin,
        json: { separateApproverFromReviewer: false },
      }),
      200,
    );
    await json(await postDecision(t, id, { outcome: 'approve', reason }, 'admin'), 201);
    await json(
      await t.request('/api/settings', {
        method: 'PATCH',
        cookie: admin,
        json: { separateApproverFromReviewer: true },
      }),
      200,
    );
  });

  it("counts work on the assessment's findings as reviewing", async () => {
    const { id, vendorId } = await assessmentUnderReview(t, { serviceId: 'character-ai' });
    await settleFindings(id);
    const [flagged] = await t.deps.db
      .insert(finding)
      .values({
        assessmentId: id,
        vendorId,
        source: 'reviewer',
        sourceKey: 'flag:inc.process',
        title: 'Incident process is a draft',
        severity: 'medium',
        status: 'resolved',
      })
      .returning({ id: finding.id });
    await t.signInAs('approver');
    const [approver] = await t.deps.db.select().from(user).where(eq(user.email, 'approver@example.test'));
    await recordAudit(t.deps.db, {
      actor: {
        type: 'staff',
        user: { id: approver!.id, email: approver!.email, name: approver!.name, role: 'approver' },
      },
      action: 'finding.flagged',
      targetType: 'finding',
      targetId: flagged!.id,
    });
    const res = await postDecision(t, id, { outcome: 'approve', reason });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).error.message).toMatch(/You reviewed/);
    expect(await stateOf(id)).toBe('under_review');
  });

  it('refuses an approval while a finding is open, naming it; rejection is still possible', async () => {
    const { id, vendorId } = await assessmentUnderReview(t, { serviceId: 'inflection-pi' });
    await settleFindings(id);
    await t.deps.db.insert(finding).values({
      assessmentId: id,
      vendorId,
      source: 'reviewer',
      sourceKey: 'flag:eval.drift',
      title: 'No drift monitoring',
      severity: 'high',
      status: 'in_remediation',
    });
    for (const body of [
      { outcome: 'approve', reason },
      { outcome: 'approve_with_conditions', conditions: 'Monthly spot checks', reason },
    ] as const) {
      const res = await postDecision(t, id, body);
      expect(res.status).toBe(409);
      expect((await errorOf(res)).error.message).toBe(
        '1 finding is still open ("No drift monitoring"): resolve it or accept the risk before approving',
      );
    }
    expect(await stateOf(id)).toBe('under_review');
    const [policy] = await t.deps.db
      .select()
      .from(servicePolicy)
      .where(eq(servicePolicy.serviceId, 'inflection-pi'));
    expect(policy).toBeUndefined();
    const rejected = await json<DecisionView>(await postDecision(t, id, { outcome: 'reject', reason }), 201);
    expect(rejected.outcome).toBe('reject');
  });

  it('lets a risk-accepted finding through', async () => {
    const { id, vendorId } = await assessmentUnderReview(t, { serviceId: 'huggingface-chat' });
    await settleFindings(id);
    await t.deps.db.insert(finding).values({
      assessmentId: id,
      vendorId,
      source: 'reviewer',
      sourceKey: 'flag:eval.drift',
      title: 'No drift monitoring',
      severity: 'high',
      status: 'risk_accepted',
    });
    await json(await postDecision(t, id, { outcome: 'approve', reason }), 201);
  });

  it('refuses bad input with 400, and decisions without a score or outside review with 409; nothing stored', async () => {
    const { id } = await assessmentUnderReview(t, { serviceId: 'moonshot-kimi' });
    await settleFindings(id);
    for (const body of [
      { outcome: 'approve_with_conditions', reason },
      { outcome: 'approve', reason, conditions: 'Only with conditions' },
      { outcome: 'approve', reason: '' },
      { outcome: 'maybe', reason },
      { outcome: 'approve', reason, tierReason: 'No tier changed' },
      { outcome: 'approve', reason, tier: 'extreme', tierReason: 'Typo' },
      { outcome: 'approve', reason, extra: true },
    ]) {
      const res = await postInvalidDecision(t, id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(await stateOf(id)).toBe('under_review');
    expect(await decisionsFor(id)).toEqual([]);

    await t.deps.db.update(assessment).set({ scoreResult: null }).where(eq(assessment.id, id));
    const unscored = await postDecision(t, id, { outcome: 'reject', reason });
    expect(unscored.status).toBe(409);
    expect((await errorOf(unscored)).error.message).toMatch(/no stored score/);
    await t.deps.db.update(assessment).set({ state: 'submitted' }).where(eq(assessment.id, id));
    expect((await postDecision(t, id, { outcome: 'reject', reason })).status).toBe(409);
    expect(await decisionsFor(id)).toEqual([]);
    const missing = await t.request(`/api/assessments/${id}/decision`, {
      cookie: await t.signInAs('reviewer'),
    });
    expect(missing.status).toBe(404);
  });
});
