import { assessment } from '@sightline/db/schema/assessments';
import { emailOutbox } from '@sightline/db/schema/mail';
import { servicePolicy } from '@sightline/db/schema/policy';
import { accessRequest } from '@sightline/db/schema/usage';
import { vendor } from '@sightline/db/schema/vendors';
import { utcDay } from '@sightline/shared/assessments/dates';
import { addMonths } from '@sightline/shared/decisions/decision-rules';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import { errorOf, expectJson } from '../../testing/typed-response';
import { assessmentTestApp } from '../assessments/assessment-test-kit';
import { cadence, decisionTestHelpers, reason } from './decide-test-helpers';
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
const { decisionsFor, policyDoc, policyVersion, settleFindings } = decisionTestHelpers(() => t);

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
    const view = await expectJson(res, 201);
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
    const auditor = (await t.clientAs('auditor')).api;
    const system = await expectJson(auditor.inventory[':id'].$get({ param: { id: view.aiSystemId! } }), 200);
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
    const procurement = (await t.clientAs('procurement')).api;
    const listed = await expectJson(procurement.requests.$get({ query: { serviceId, limit: '500' } }), 200);
    const listedAda = listed.items.find((r) => r.id === adaRequest);
    expect(listedAda).toMatchObject({ status: 'approved', decisionId: view.id, outcomeNote: reason });
    expect(listedAda?.closedAt).toEqual(expect.any(String));

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

    const doc = await expectJson(policyDoc(pseudonymous), 200);
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
    const read = await expectJson(auditor.assessments[':id'].decision.$get({ param: { id } }), 200);
    expect(read).toEqual(view);
    const again = await postDecision(t, id, { outcome: 'reject', reason: 'Changed my mind' }, 'admin');
    expect(again.status).toBe(409);
    expect((await errorOf(again)).error.message).toMatch(/already decided.*new assessment/);
    expect(await decisionsFor(id)).toHaveLength(1);
    const [policyAfter] = await t.deps.db
      .select()
      .from(servicePolicy)
      .where(eq(servicePolicy.serviceId, serviceId));
    expect(policyAfter?.state).toBe('conditional');
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
    expect((await expectJson(before, 200)).requests.map((r) => r.requestId)).toEqual([carolRequest]);

    const { id } = await assessmentUnderReview(t, { accessRequestId: carolRequest });
    await settleFindings(id);
    await expectJson(postDecision(t, id, { outcome: 'approve', reason }), 201);

    const after = await policyDoc(carol, carolTag);
    const carolDoc = await expectJson(after, 200);
    expect(carolDoc.requests).toEqual([
      expect.objectContaining({
        requestId: carolRequest,
        status: 'approved',
        outcome: 'approve',
        note: reason,
      }),
    ]);
    const daveRes = await policyDoc(dave);
    const daveDoc = await expectJson(daveRes, 200);
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
