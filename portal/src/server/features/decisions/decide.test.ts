import { assessment, decision } from '@sightline/db/schema/assessments';
import { user } from '@sightline/db/schema/auth';
import { finding } from '@sightline/db/schema/findings';
import { aiSystem, aiSystemSupplier } from '@sightline/db/schema/inventory';
import { emailOutbox } from '@sightline/db/schema/mail';
import { orgSettings } from '@sightline/db/schema/org';
import { servicePolicy } from '@sightline/db/schema/policy';
import { accessRequest } from '@sightline/db/schema/usage';
import { vendor } from '@sightline/db/schema/vendors';
import { utcDay } from '@sightline/shared/assessments/dates';
import type { DecisionView } from '@sightline/shared/decisions/decision-api';
import { addMonths } from '@sightline/shared/decisions/decision-rules';
import type { PolicyDocument } from '@sightline/shared/extension-api/policy-document';
import type { AiSystemDetail } from '@sightline/shared/inventory/inventory-view';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../audit/record-audit';
import type { TestApp } from '../../testing/test-app';
import { assessmentTestApp, json } from '../assessments/assessment-test-kit';
import {
  assessmentUnderReview,
  type Device,
  enrollRequester,
  postDecision,
  requestAccess,
} from './decision-test-kit';

let t: TestApp;
let ada: Device;
let pseudonymous: Device;
beforeAll(async () => {
  t = await assessmentTestApp();
  ada = await enrollRequester(t, 'ada@example.com');
  pseudonymous = await enrollRequester(t, 'bob@example.com', true);
});
afterAll(() => t?.close());

const cadence = { critical: 3, high: 6, medium: 12, low: 24 } as const;
const reason = 'Meets our A.10 requirements for internal drafting';

async function stateOf(id: string) {
  const [row] = await t.deps.db
    .select({ state: assessment.state })
    .from(assessment)
    .where(eq(assessment.id, id));
  return row?.state;
}
async function decisionsFor(id: string) {
  return t.deps.db.select().from(decision).where(eq(decision.assessmentId, id));
}
async function policyDoc(device: Device, etag?: string) {
  return t.request('/api/ext/policy', {
    headers: { ...device.auth, ...(etag ? { 'if-none-match': etag } : {}) },
  });
}
async function policyVersion() {
  const [row] = await t.deps.db.select({ v: orgSettings.policyVersion }).from(orgSettings);
  return row!.v;
}
/** Findings scoring raised on the way are settled, so a test starts from "nothing blocks". */
async function settleFindings(assessmentId: string) {
  await t.deps.db.update(finding).set({ status: 'resolved' }).where(eq(finding.assessmentId, assessmentId));
}

describe('POST /api/assessments/:id/decision', () => {
  it('approving with conditions sets policy, vendor tier and review date, inventory, requests and mails at once', async () => {
    const serviceId = 'mistral-le-chat';
    const adaRequest = await requestAccess(t, ada, serviceId);
    const otherRequest = await requestAccess(t, pseudonymous, serviceId);
    const { id, vendorId } = await assessmentUnderReview(t, { accessRequestId: adaRequest });
    await settleFindings(id);
    const versionBefore = await policyVersion();

    const res = await postDecision(t, id, {
      outcome: 'approve_with_conditions',
      conditions: 'No customer personal data; use the team workspace only',
      reason,
    });
    const view = await json<DecisionView>(res, 201);
    const [stored] = await t.deps.db.select().from(assessment).where(eq(assessment.id, id));
    const residualTier = (stored!.scoreResult as { residualTier: keyof typeof cadence }).residualTier;
    const nextReviewOn = addMonths(utcDay(t.clock.now()), cadence[residualTier]);
    expect(view).toMatchObject({
      assessmentId: id,
      serviceId,
      outcome: 'approve_with_conditions',
      conditions: 'No customer personal data; use the team workspace only',
      reason,
      residualTier,
      tier: residualTier,
      tierReason: null,
      nextReviewOn,
      policyState: 'conditional',
      decidedBy: 'Test approver',
    });
    expect(stored!.state).toBe('decided');

    // The policy every extension fetches, linked to the decision, at a higher version.
    const [policy] = await t.deps.db
      .select()
      .from(servicePolicy)
      .where(eq(servicePolicy.serviceId, serviceId));
    expect(policy).toMatchObject({
      state: 'conditional',
      conditions: 'No customer personal data; use the team workspace only',
      decisionId: view.id,
    });
    expect(await policyVersion()).toBeGreaterThan(versionBefore);

    const [vendorRow] = await t.deps.db.select().from(vendor).where(eq(vendor.id, vendorId));
    expect(vendorRow).toMatchObject({ tier: residualTier, nextReviewOn, status: 'conditional' });

    // The inventory entry, prefilled from the answers, with the vendor as supplier at its tier.
    const system = await json<AiSystemDetail>(
      await t.request(`/api/inventory/${view.aiSystemId}`, { cookie: await t.signInAs('auditor') }),
      200,
    );
    expect(system).toMatchObject({
      name: 'Le Chat',
      origin: 'third_party',
      lifecycleStage: 'deployment',
      serviceIds: [serviceId],
      nextReviewOn,
      owner: 'Test procurement',
      purpose: 'Drafting internal documents',
    });
    expect(system.suppliers).toHaveLength(1);
    expect(system.suppliers[0]).toMatchObject({ vendorId, tier: residualTier, assessmentId: id });
    expect(system.suppliers[0]!.responsibilities.performance_monitoring.party).toBe('shared');
    expect(system.history.map((h) => h.action)).toEqual(['ai_system.created', 'ai_system.supplier_linked']);

    // Both requests for the service are closed as approved, whoever made them.
    const requests = await t.deps.db
      .select()
      .from(accessRequest)
      .where(eq(accessRequest.serviceId, serviceId));
    expect(requests.map((r) => [r.id, r.status, r.decisionId, r.outcomeNote]).sort()).toEqual(
      [
        [adaRequest, 'approved', view.id, reason],
        [otherRequest, 'approved', view.id, reason],
      ].sort(),
    );
    expect(requests.every((r) => r.closedAt !== null)).toBe(true);
    const listed = await json<{ groups: { serviceId: string; requests: Record<string, unknown>[] }[] }>(
      await t.request('/api/requests', { cookie: await t.signInAs('procurement') }),
      200,
    );
    const group = listed.groups.find((g) => g.serviceId === serviceId);
    expect(group?.requests.find((r) => r.id === adaRequest)).toMatchObject({
      status: 'approved',
      decisionId: view.id,
      outcomeNote: reason,
    });
    expect(group?.requests.find((r) => r.id === adaRequest)?.closedAt).toEqual(expect.any(String));

    // Ada is mailed; the pseudonymous requester cannot be, and learns it from the extension.
    const mails = await t.deps.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.purpose, 'access_request.decided'));
    expect(mails.map((m) => m.toAddress)).toEqual(['ada@example.com']);
    expect(mails[0]!.subject).toBe(
      'My organisation: your request to use Le Chat is approved with conditions',
    );
    expect(mails[0]!.textBody).toContain('No customer personal data; use the team workspace only');
    expect(mails[0]!.textBody).toContain(reason);

    const doc = (await (await policyDoc(pseudonymous)).json()) as PolicyDocument;
    expect(doc.requests).toEqual([
      {
        requestId: otherRequest,
        serviceId,
        status: 'approved',
        requestedAt: expect.any(String),
        decidedAt: t.clock.now().toISOString(),
        outcome: 'approve_with_conditions',
        conditions: 'No customer personal data; use the team workspace only',
        note: reason,
      },
    ]);

    // Readers see the decision; a second one is refused and changes nothing.
    const read = await json<DecisionView>(
      await t.request(`/api/assessments/${id}/decision`, { cookie: await t.signInAs('auditor') }),
      200,
    );
    expect(read).toEqual(view);
    const again = await postDecision(t, id, { outcome: 'reject', reason: 'Changed my mind' }, 'admin');
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(
      /already decided.*new assessment/,
    );
    expect(await decisionsFor(id)).toHaveLength(1);
    const [policyAfter] = await t.deps.db
      .select()
      .from(servicePolicy)
      .where(eq(servicePolicy.serviceId, serviceId));
    expect(policyAfter?.state).toBe('conditional');
  });

  it('a rejection blocks the service (or only unapproves it, as the org prefers) and mails the alternative', async () => {
    const admin = await t.signInAs('admin');
    const serviceId = 'deepseek-chat';
    await json(
      await t.request(`/api/policy/services/${serviceId}`, {
        method: 'PUT',
        cookie: admin,
        json: { state: 'unreviewed', alternativeServiceId: 'openai-chatgpt' },
      }),
      200,
    );
    const requestId = await requestAccess(t, ada, serviceId);
    const { id, vendorId } = await assessmentUnderReview(t, { serviceId });
    await settleFindings(id);
    const view = await json<DecisionView>(
      await postDecision(t, id, { outcome: 'reject', reason: 'Stores prompts outside the EU with no DPA' }),
      201,
    );
    expect(view.policyState).toBe('blocked');
    const [policy] = await t.deps.db
      .select()
      .from(servicePolicy)
      .where(eq(servicePolicy.serviceId, serviceId));
    expect(policy).toMatchObject({
      state: 'blocked',
      alternativeServiceId: 'openai-chatgpt',
      decisionId: view.id,
    });
    const [request] = await t.deps.db.select().from(accessRequest).where(eq(accessRequest.id, requestId));
    expect(request).toMatchObject({ status: 'rejected', decisionId: view.id });
    const [mail] = await t.deps.db.select().from(emailOutbox).where(eq(emailOutbox.relatedId, requestId));
    expect(mail!.subject).toContain('is not approved');
    expect(mail!.textBody).toContain('Stores prompts outside the EU with no DPA');
    expect(mail!.textBody).toContain('Use ChatGPT instead: https://openai.com.');
    const [vendorRow] = await t.deps.db.select().from(vendor).where(eq(vendor.id, vendorId));
    expect(vendorRow?.status).toBe('rejected');
    const [system] = await t.deps.db.select().from(aiSystem).where(eq(aiSystem.id, view.aiSystemId!));
    expect(system?.lifecycleStage).toBe('retirement');

    await json(
      await t.request('/api/settings', {
        method: 'PATCH',
        cookie: admin,
        json: { rejectedServiceState: 'unapproved' },
      }),
      200,
    );
    const second = await assessmentUnderReview(t, { serviceId: 'xai-grok' });
    await settleFindings(second.id);
    const unapproved = await json<DecisionView>(
      await postDecision(t, second.id, { outcome: 'reject', reason: 'No incident notice commitment' }),
      201,
    );
    expect(unapproved.policyState).toBe('unapproved');
    await json(
      await t.request('/api/settings', {
        method: 'PATCH',
        cookie: admin,
        json: { rejectedServiceState: 'blocked' },
      }),
      200,
    );
  });

  it('refuses the reviewer of the same assessment with 409 and says why, unless the org turned it off', async () => {
    const admin = await t.signInAs('admin');
    const { id } = await assessmentUnderReview(t, { serviceId: 'quora-poe', reviewer: 'admin' });
    await settleFindings(id);
    for (const outcome of ['approve', 'reject'] as const) {
      const res = await postDecision(t, id, { outcome, reason }, 'admin');
      expect(res.status).toBe(409);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
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
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/You reviewed/);
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
    ]) {
      const res = await postDecision(t, id, body);
      expect(res.status).toBe(409);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
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

  it('records a documented tier adjustment and takes the review date from that tier', async () => {
    const { id, vendorId } = await assessmentUnderReview(t, { serviceId: 'meta-ai' });
    await settleFindings(id);
    const [row] = await t.deps.db.select().from(assessment).where(eq(assessment.id, id));
    const residual = (row!.scoreResult as { residualTier: string }).residualTier;
    const tier = residual === 'critical' ? 'low' : 'critical';
    const noReason = await postDecision(t, id, { outcome: 'approve', reason, tier });
    expect(noReason.status).toBe(400);
    const view = await json<DecisionView>(
      await postDecision(t, id, { outcome: 'approve', reason, tier, tierReason: 'Handles our payroll data' }),
      201,
    );
    expect(view).toMatchObject({ residualTier: residual, tier, tierReason: 'Handles our payroll data' });
    const [vendorRow] = await t.deps.db.select().from(vendor).where(eq(vendor.id, vendorId));
    expect(vendorRow?.tier).toBe(tier);
    expect(vendorRow?.nextReviewOn).toBe(addMonths(utcDay(t.clock.now()), cadence[tier]));
  });

  it('updates the inventory entry that already lists the service instead of adding another', async () => {
    const serviceId = 'google-gemini';
    const created = await json<AiSystemDetail>(
      await t.request('/api/inventory', {
        method: 'POST',
        cookie: await t.signInAs('procurement'),
        json: {
          name: 'Gemini for sales',
          purpose: 'Drafting proposals',
          owner: 'Sales operations',
          origin: 'third_party',
          lifecycleStage: 'operation_monitoring',
          serviceIds: [serviceId],
        },
      }),
      201,
    );
    const { id, vendorId } = await assessmentUnderReview(t, { serviceId });
    await settleFindings(id);
    const view = await json<DecisionView>(await postDecision(t, id, { outcome: 'approve', reason }), 201);
    expect(view.aiSystemId).toBe(created.id);
    const systems = await t.deps.db.select().from(aiSystem).where(eq(aiSystem.name, 'Gemini for sales'));
    expect(systems).toHaveLength(1);
    expect(systems[0]).toMatchObject({
      owner: 'Sales operations',
      lifecycleStage: 'operation_monitoring',
      nextReviewOn: view.nextReviewOn,
    });
    const links = await t.deps.db
      .select()
      .from(aiSystemSupplier)
      .where(and(eq(aiSystemSupplier.aiSystemId, created.id), eq(aiSystemSupplier.vendorId, vendorId)));
    expect(links).toHaveLength(1);
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
      const res = await postDecision(t, id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(await stateOf(id)).toBe('under_review');
    expect(await decisionsFor(id)).toEqual([]);

    await t.deps.db.update(assessment).set({ scoreResult: null }).where(eq(assessment.id, id));
    const unscored = await postDecision(t, id, { outcome: 'reject', reason });
    expect(unscored.status).toBe(409);
    expect(((await unscored.json()) as { error: { message: string } }).error.message).toMatch(
      /no stored score/,
    );
    await t.deps.db.update(assessment).set({ state: 'submitted' }).where(eq(assessment.id, id));
    expect((await postDecision(t, id, { outcome: 'reject', reason })).status).toBe(409);
    expect(await decisionsFor(id)).toEqual([]);
    const missing = await t.request(`/api/assessments/${id}/decision`, {
      cookie: await t.signInAs('reviewer'),
    });
    expect(missing.status).toBe(404);
  });
});

describe('the policy document carries each browser its own requests', () => {
  it("shows a device its own requests' outcomes and not another device's, with an ETag per device", async () => {
    const carol = await enrollRequester(t, 'carol@example.com');
    const dave = await enrollRequester(t, 'dave@example.com');
    const carolRequest = await requestAccess(t, carol, 'baidu-ernie');
    const daveRequest = await requestAccess(t, dave, 'zhipu-chatglm');
    const before = await policyDoc(carol);
    const carolTag = before.headers.get('etag')!;
    expect(((await before.json()) as PolicyDocument).requests.map((r) => r.requestId)).toEqual([
      carolRequest,
    ]);

    const { id } = await assessmentUnderReview(t, { accessRequestId: carolRequest });
    await settleFindings(id);
    await json(await postDecision(t, id, { outcome: 'approve', reason }), 201);

    const after = await policyDoc(carol, carolTag);
    expect(after.status).toBe(200);
    const carolDoc = (await after.json()) as PolicyDocument;
    expect(carolDoc.requests).toEqual([
      expect.objectContaining({
        requestId: carolRequest,
        status: 'approved',
        outcome: 'approve',
        note: reason,
      }),
    ]);
    const daveRes = await policyDoc(dave);
    const daveDoc = (await daveRes.json()) as PolicyDocument;
    expect(daveDoc.requests).toEqual([
      expect.objectContaining({ requestId: daveRequest, status: 'open', outcome: null, decidedAt: null }),
    ]);
    // Same policy, different requests: each device has its own tag, and one's tag is no 304 for the other.
    const newCarolTag = after.headers.get('etag')!;
    expect(daveRes.headers.get('etag')).not.toBe(newCarolTag);
    expect((await policyDoc(carol, newCarolTag)).status).toBe(304);
    expect((await policyDoc(dave, newCarolTag)).status).toBe(200);
  });
});
