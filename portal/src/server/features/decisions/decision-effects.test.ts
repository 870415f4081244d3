import { assessment } from '@sightline/db/schema/assessments';
import { aiSystem, aiSystemSupplier } from '@sightline/db/schema/inventory';
import { emailOutbox } from '@sightline/db/schema/mail';
import { servicePolicy } from '@sightline/db/schema/policy';
import { accessRequest } from '@sightline/db/schema/usage';
import { vendor } from '@sightline/db/schema/vendors';
import { utcDay } from '@sightline/shared/assessments/dates';
import type { DecisionView } from '@sightline/shared/decisions/decision-api';
import { addMonths } from '@sightline/shared/decisions/decision-rules';
import type { AiSystemDetail } from '@sightline/shared/inventory/inventory-view';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import { assessmentTestApp, json } from '../assessments/assessment-test-kit';
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
beforeAll(async () => {
  t = await assessmentTestApp();
  ada = await enrollRequester(t, 'ada@example.com');
});
afterAll(() => t?.close());
const { settleFindings } = decisionTestHelpers(() => t);

describe('POST /api/assessments/:id/decision', () => {
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
});
