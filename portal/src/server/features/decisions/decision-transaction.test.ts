import { assessment, decision } from '@sightline/db/schema/assessments';
import { auditLog } from '@sightline/db/schema/audit';
import { finding } from '@sightline/db/schema/findings';
import { aiSystem, aiSystemSupplier } from '@sightline/db/schema/inventory';
import { emailOutbox } from '@sightline/db/schema/mail';
import { orgSettings } from '@sightline/db/schema/org';
import { servicePolicy } from '@sightline/db/schema/policy';
import { accessRequest } from '@sightline/db/schema/usage';
import { vendor } from '@sightline/db/schema/vendors';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import { assessmentTestApp } from '../assessments/assessment-test-kit';
import { assessmentUnderReview, enrollRequester, postDecision, requestAccess } from './decision-test-kit';

// The requester's mail is the decision's last write: failing it kills the transaction after the
// policy, vendor, inventory and requests were all written.
const fault = vi.hoisted(() => ({ on: false }));
vi.mock('../../mail/outbox', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../mail/outbox')>();
  return {
    ...original,
    enqueueMail: async (...args: Parameters<typeof original.enqueueMail>) => {
      if (fault.on && args[1].purpose === 'access_request.decided') throw new Error('injected failure');
      return original.enqueueMail(...args);
    },
  };
});

let t: TestApp;
beforeAll(async () => {
  t = await assessmentTestApp();
});
afterAll(() => t?.close());

describe('a decision is one transaction', () => {
  it('stores nothing of a decision that fails half way, and the next attempt succeeds', async () => {
    const serviceId = 'microsoft-copilot';
    const requester = await enrollRequester(t, 'erin@example.com');
    const requestId = await requestAccess(t, requester, serviceId);
    const { id, vendorId } = await assessmentUnderReview(t, { accessRequestId: requestId });
    await t.deps.db.update(finding).set({ status: 'resolved' }).where(eq(finding.assessmentId, id));

    const snapshot = async () => ({
      assessment: (
        await t.deps.db.select({ state: assessment.state }).from(assessment).where(eq(assessment.id, id))
      )[0],
      decisions: await t.deps.db.select().from(decision).where(eq(decision.assessmentId, id)),
      policy: await t.deps.db.select().from(servicePolicy).where(eq(servicePolicy.serviceId, serviceId)),
      version: (await t.deps.db.select({ v: orgSettings.policyVersion }).from(orgSettings))[0]?.v,
      vendor: (
        await t.deps.db
          .select({ tier: vendor.tier, nextReviewOn: vendor.nextReviewOn, status: vendor.status })
          .from(vendor)
          .where(eq(vendor.id, vendorId))
      )[0],
      systems: await t.deps.db.select({ id: aiSystem.id }).from(aiSystem),
      links: await t.deps.db.select().from(aiSystemSupplier).where(eq(aiSystemSupplier.vendorId, vendorId)),
      request: (await t.deps.db.select().from(accessRequest).where(eq(accessRequest.id, requestId)))[0],
      mails: await t.deps.db
        .select()
        .from(emailOutbox)
        .where(eq(emailOutbox.purpose, 'access_request.decided')),
      audit: await t.deps.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.targetType, 'assessment'), eq(auditLog.targetId, id))),
    });
    const before = await snapshot();
    expect(before.assessment?.state).toBe('under_review');
    expect(before.request).toMatchObject({ status: 'in_assessment', decisionId: null, closedAt: null });

    fault.on = true;
    const killed = await postDecision(t, id, {
      outcome: 'approve_with_conditions',
      conditions: 'Work documents only',
      reason: 'Meets our requirements',
    });
    fault.on = false;
    expect(killed.status).toBe(500);
    expect(await snapshot()).toEqual(before);

    const res = await postDecision(t, id, {
      outcome: 'approve_with_conditions',
      conditions: 'Work documents only',
      reason: 'Meets our requirements',
    });
    expect(res.status).toBe(201);
    const after = await snapshot();
    expect(after.assessment?.state).toBe('decided');
    expect(after.decisions).toHaveLength(1);
    expect(after.policy[0]?.state).toBe('conditional');
    expect(after.version).toBeGreaterThan(before.version!);
    expect(after.vendor?.tier).not.toBeNull();
    expect(after.systems).toHaveLength(before.systems.length + 1);
    expect(after.links).toHaveLength(1);
    expect(after.request?.status).toBe('approved');
    expect(after.mails.map((m) => m.toAddress)).toEqual(['erin@example.com']);
  });
});
