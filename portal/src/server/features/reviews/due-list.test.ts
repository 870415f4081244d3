import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import { assessmentTestApp, createVendor, json, vendorCall } from '../assessments/assessment-test-kit';
import { samplePdf } from '../evidence/sample-files';
import { decidedAssessment, dueInDays, dueList, reasonsFor, recordUse } from './review-test-kit';

let t: TestApp;
const start = new Date('2027-01-04T09:00:00Z');
beforeAll(async () => {
  t = await assessmentTestApp({ start });
});
afterAll(() => t?.close());

const daysAgo = (n: number) => dueInDays(t, -n);

async function nextReviewOf(id: string): Promise<string> {
  const res = await t.request(`/api/assessments/${id}/decision`, { cookie: await t.signInAs('auditor') });
  return (await json<{ nextReviewOn: string }>(res, 200)).nextReviewOn;
}

describe('due for review: the tier cadence', () => {
  it('lists overdue vendors first, then those due within 30 days, with how overdue or how soon', async () => {
    t.clock.set(start);
    const early = await decidedAssessment(t, { serviceId: 'openai-chatgpt', vendorName: 'Early AI' });
    t.clock.advanceDays(30);
    const later = await decidedAssessment(t, { serviceId: 'anthropic-claude', vendorName: 'Later AI' });
    const earlyDate = await nextReviewOf(early.id);
    const laterDate = await nextReviewOf(later.id);
    expect(laterDate > earlyDate).toBe(true);
    // Not yet: the review date is months away.
    expect(await reasonsFor(t, early.vendorId)).toEqual([]);

    t.clock.set(new Date(`${earlyDate}T09:00:00Z`));
    t.clock.advanceDays(10);
    const list = await dueList(t);
    const ids = list.map((v) => v.vendorId);
    expect(ids.indexOf(early.vendorId)).toBeLessThan(ids.indexOf(later.vendorId));
    const earlyRow = list.find((v) => v.vendorId === early.vendorId)!;
    expect(earlyRow).toMatchObject({ overdue: true, daysUntilDue: -10, dueOn: earlyDate });
    expect(earlyRow.reasons).toEqual([
      expect.objectContaining({ reason: 'review_date', serviceId: 'openai-chatgpt', on: earlyDate }),
    ]);
    expect(earlyRow.services).toEqual([
      expect.objectContaining({ serviceId: 'openai-chatgpt', latestDecidedAssessmentId: early.id }),
    ]);
    const laterRow = list.find((v) => v.vendorId === later.vendorId)!;
    expect(laterRow.overdue).toBe(false);
    expect(laterRow.daysUntilDue).toBeGreaterThan(0);
    expect(laterRow.daysUntilDue).toBeLessThanOrEqual(30);
    t.clock.set(start);
  });
});

describe('due for review: an AI system review date moved by hand', () => {
  it('puts its supplier on the list once, without repeating the date the decision set', async () => {
    t.clock.set(start);
    const decided = await decidedAssessment(t, { serviceId: 'perplexity', vendorName: 'Systems AI' });
    const decision = await json<{ aiSystemId: string; nextReviewOn: string }>(
      await t.request(`/api/assessments/${decided.id}/decision`, { cookie: await t.signInAs('auditor') }),
      200,
    );
    expect(decision.aiSystemId).toEqual(expect.any(String));
    t.clock.set(new Date(`${decision.nextReviewOn}T09:00:00Z`));
    const row = (await dueList(t)).find((v) => v.vendorId === decided.vendorId)!;
    expect(row.reasons.map((r) => r.reason)).toEqual(['review_date']);
    t.clock.set(start);
    await json(
      await t.request(`/api/inventory/${decision.aiSystemId}`, {
        method: 'PATCH',
        cookie: await t.signInAs('approver'),
        json: { nextReviewOn: dueInDays(t, 5) },
      }),
      200,
    );
    const moved = (await dueList(t)).find((v) => v.vendorId === decided.vendorId)!;
    expect(moved.reasons).toEqual([
      expect.objectContaining({ reason: 'review_date', on: dueInDays(t, 5), serviceId: null }),
    ]);
    expect(moved.reasons[0]!.label).toMatch(/^Next review of the AI system ".+" \d{4}-\d{2}-\d{2}$/);
    expect(moved.daysUntilDue).toBe(5);
  });
});

describe('due for review: earlier triggers', () => {
  it('a vendor document expiring within 30 days, or expired, puts the vendor on the list', async () => {
    t.clock.set(start);
    const vendorId = await createVendor(t, 'Docs Expiring Ltd');
    const cookie = await t.signInAs('procurement');
    const send = async (title: string, expiresOn: string) => {
      const form = new FormData();
      form.set('title', title);
      form.set('kind', 'certificate');
      form.set('expiresOn', expiresOn);
      form.set('file', new Blob([new Uint8Array(samplePdf())]), 'cert.pdf');
      await json(
        await t.request(`/api/vendors/${vendorId}/documents`, { method: 'POST', cookie, body: form }),
        201,
      );
    };
    await send('ISO 27001 certificate', dueInDays(t, 90));
    expect(await reasonsFor(t, vendorId)).toEqual([]);
    await send('SOC 2 bridge letter', dueInDays(t, 20));
    const row = (await dueList(t)).find((v) => v.vendorId === vendorId)!;
    expect(row.reasons).toEqual([
      expect.objectContaining({
        reason: 'document_expiry',
        label: `SOC 2 bridge letter expires ${dueInDays(t, 20)}`,
      }),
    ]);
    expect(row.daysUntilDue).toBe(20);
    t.clock.advanceDays(25);
    const expired = (await dueList(t)).find((v) => v.vendorId === vendorId)!;
    expect(expired.overdue).toBe(true);
    expect(expired.reasons[0]!.label).toMatch(/expired/);
    t.clock.set(start);
  });

  it('expiring evidence on the latest decided assessment (a certificate, a SOC 2 report) puts it on the list', async () => {
    t.clock.set(start);
    const decided = await decidedAssessment(t, {
      serviceId: 'google-gemini',
      evidence: [{ questionId: 'evd.pen_test', name: 'soc2-type2.pdf', expiresOn: dueInDays(t, 45) }],
    });
    expect(await reasonsFor(t, decided.vendorId)).toEqual([]);
    t.clock.advanceDays(20);
    const row = (await dueList(t)).find((v) => v.vendorId === decided.vendorId)!;
    expect(row.reasons).toEqual([
      expect.objectContaining({ reason: 'evidence_expiry', serviceId: 'google-gemini' }),
    ]);
    expect(row.reasons[0]!.label).toContain('soc2-type2.pdf');
    expect(row.daysUntilDue).toBe(25);
    t.clock.set(start);
  });

  it('an incident recorded by staff puts the vendor on the list until a reassessment starts', async () => {
    t.clock.set(start);
    const decided = await decidedAssessment(t, { serviceId: 'microsoft-copilot' });
    t.clock.advanceDays(1);
    const res = await t.request(`/api/vendors/${decided.vendorId}/incidents`, {
      method: 'POST',
      cookie: await t.signInAs('reviewer'),
      json: {
        occurredOn: daysAgo(2),
        description: 'Prompts of other customers were visible for two hours',
        severity: 'high',
        source: 'news',
      },
    });
    await json(res, 201);
    const row = (await dueList(t)).find((v) => v.vendorId === decided.vendorId)!;
    expect(row.reasons).toEqual([expect.objectContaining({ reason: 'incident' })]);
    expect(row.reasons[0]!.label).toMatch(/^High severity, on \d{4}-\d{2}-\d{2}: Prompts of other customers/);
    expect(row.daysUntilDue).toBe(0);
    t.clock.advanceDays(1);
    await json(
      await t.request(`/api/assessments/${decided.id}/reassessment`, {
        method: 'POST',
        cookie: await t.signInAs('procurement'),
        json: { dueOn: dueInDays(t, 21) },
      }),
      201,
    );
    expect(await reasonsFor(t, decided.vendorId)).toEqual([]);
  });

  it('unique users doubling within 30 days (and at least 5) is a usage spike; 1 → 2 is not', async () => {
    t.clock.set(start);
    const spiking = await decidedAssessment(t, { serviceId: 'mistral-le-chat' });
    const small = await decidedAssessment(t, { serviceId: 'deepseek-chat' });
    await recordUse(t, 'mistral-le-chat', daysAgo(40), 3);
    await recordUse(t, 'mistral-le-chat', daysAgo(5), 7);
    await recordUse(t, 'deepseek-chat', daysAgo(40), 1);
    await recordUse(t, 'deepseek-chat', daysAgo(5), 2);
    const row = (await dueList(t)).find((v) => v.vendorId === spiking.vendorId)!;
    expect(row.reasons).toEqual([expect.objectContaining({ reason: 'usage_spike' })]);
    expect(row.reasons[0]!.label).toBe('Unique users rose from 3 to 7 (last 30 days against the 30 before)');
    expect(await reasonsFor(t, small.vendorId)).toEqual([]);
  });

  it('a blocked service used more week over week after the decision is flagged', async () => {
    t.clock.set(start);
    const blocked = await decidedAssessment(t, { serviceId: 'xai-grok', outcome: 'reject' });
    const policy = await t.request('/api/policy/services?q=xai-grok', {
      cookie: await t.signInAs('auditor'),
    });
    const services = (await json<{ items: { serviceId: string; state: string }[] }>(policy, 200)).items;
    expect(services.find((s) => s.serviceId === 'xai-grok')?.state).toBe('blocked');
    // Before the decision: does not count.
    await recordUse(t, 'xai-grok', daysAgo(3), 1, { blocks: 5 });
    t.clock.advanceDays(14);
    await recordUse(t, 'xai-grok', daysAgo(10), 1, { blocks: 2 });
    expect(await reasonsFor(t, blocked.vendorId)).toEqual([]);
    await recordUse(t, 'xai-grok', daysAgo(2), 1, { blocks: 6 });
    const row = (await dueList(t)).find((v) => v.vendorId === blocked.vendorId)!;
    expect(row.reasons).toEqual([
      expect.objectContaining({ reason: 'blocked_use_rising', serviceId: 'xai-grok' }),
    ]);
    expect(row.reasons[0]!.label).toContain('tried 6 times in the last 7 days (2 the week before)');
    t.clock.set(start);
  });

  it('a material change the vendor declares on its page is on the list and on the vendor page', async () => {
    t.clock.set(start);
    const decided = await decidedAssessment(t, { serviceId: 'quora-poe' });
    t.clock.advanceDays(3);
    const res = await vendorCall(t, decided.token, '/api/vendor/material-changes', {
      method: 'POST',
      json: { kind: 'model_provider', description: 'We now route requests to a second model provider' },
    });
    await json(res, 201);
    const row = (await dueList(t)).find((v) => v.vendorId === decided.vendorId)!;
    expect(row.reasons).toEqual([expect.objectContaining({ reason: 'material_change' })]);
    expect(row.reasons[0]!.label).toContain('new model provider');
    const staff = await json<{ changes: { kind: string; description: string }[] }>(
      await t.request(`/api/vendors/${decided.vendorId}/material-changes`, {
        cookie: await t.signInAs('auditor'),
      }),
      200,
    );
    expect(staff.changes).toEqual([
      expect.objectContaining({
        kind: 'model_provider',
        description: 'We now route requests to a second model provider',
      }),
    ]);
    const view = await json<{ materialChanges: unknown[] }>(
      await vendorCall(t, decided.token, '/api/vendor/assessment'),
      200,
    );
    expect(view.materialChanges).toHaveLength(1);
  });
});
