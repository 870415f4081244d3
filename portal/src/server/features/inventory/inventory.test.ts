import { aiSystem } from '@sightline/db/schema/inventory';
import { vendor } from '@sightline/db/schema/vendors';
import type { AiSystemDetail, AiSystemView } from '@sightline/shared/inventory/inventory-view';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import { assessmentTestApp, createVendor, json } from '../assessments/assessment-test-kit';
import { assessmentUnderReview } from '../decisions/decision-test-kit';

let t: TestApp;
beforeAll(async () => {
  t = await assessmentTestApp();
});
afterAll(() => t?.close());

const inHouse = {
  name: 'Claims triage model',
  purpose: 'Ranks incoming insurance claims for review',
  owner: 'Claims Operations',
  origin: 'internal',
  lifecycleStage: 'design_development',
  euAiActClass: 'high_risk',
  orgRole: 'provider',
  dataCategories: ['personal', 'customer_data'],
  decisionsAboutPeople: true,
  decisionsDescription: 'Which claims a handler looks at first',
  humanOversight: 'A claims handler decides every claim',
  nextReviewOn: '2027-01-31',
};

async function call<T = unknown>(
  role: Parameters<TestApp['signInAs']>[0],
  path: string,
  status: number,
  method = 'GET',
  body?: unknown,
) {
  const res = await t.request(path, { method, cookie: await t.signInAs(role), json: body });
  return json<T>(res, status);
}
const count = async () => (await t.deps.db.select({ id: aiSystem.id }).from(aiSystem)).length;
const list = async (query: string) =>
  (await call<{ items: AiSystemView[] }>('auditor', `/api/inventory${query}`, 200)).items.map((s) => s.name);

describe('AI system inventory', () => {
  it('records a system built in-house, changes it, and keeps every change in its history', async () => {
    const created = await call<AiSystemDetail>('procurement', '/api/inventory', 201, 'POST', inHouse);
    expect(created).toMatchObject({ ...inHouse, suppliers: [], serviceIds: [], dueForReview: false });
    expect(created.history.map((h) => [h.action, h.actor])).toEqual([
      ['ai_system.created', 'procurement@example.test'],
    ]);

    const changed = await call<AiSystemDetail>('approver', `/api/inventory/${created.id}`, 200, 'PATCH', {
      lifecycleStage: 'verification_validation',
      owner: 'Claims Analytics',
      serviceIds: ['openai-chatgpt'],
    });
    expect(changed).toMatchObject({
      lifecycleStage: 'verification_validation',
      owner: 'Claims Analytics',
      serviceIds: ['openai-chatgpt'],
    });
    expect(changed.history.at(-1)).toMatchObject({
      action: 'ai_system.updated',
      actor: 'approver@example.test',
      details: {
        lifecycleStage: { from: 'design_development', to: 'verification_validation' },
        owner: { from: 'Claims Operations', to: 'Claims Analytics' },
        serviceIds: { from: [], to: ['openai-chatgpt'] },
      },
    });
    // Nothing changed: nothing recorded.
    const same = await call<AiSystemDetail>('approver', `/api/inventory/${created.id}`, 200, 'PATCH', {
      owner: 'Claims Analytics',
    });
    expect(same.history).toHaveLength(2);
  });

  it('refuses bad input with 400 and stores nothing', async () => {
    const before = await count();
    for (const body of [
      { ...inHouse, name: '' },
      { ...inHouse, lifecycleStage: 'beta' },
      { ...inHouse, decisionsDescription: null },
      { ...inHouse, serviceIds: ['no-such-service'] },
      { ...inHouse, dataCategories: ['gossip'] },
      { ...inHouse, nextReviewOn: '2027-02-30' },
      { ...inHouse, colour: 'blue' },
      { ...inHouse, purpose: 'bad\u0000byte' },
    ]) {
      const res = await t.request('/api/inventory', {
        method: 'POST',
        cookie: await t.signInAs('admin'),
        json: body,
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(await count()).toBe(before);

    const plain = await call<AiSystemDetail>('admin', '/api/inventory', 201, 'POST', {
      name: 'Internal summariser',
      purpose: 'Summarises meeting notes',
      owner: 'IT',
    });
    expect(plain).toMatchObject({ origin: 'internal', lifecycleStage: 'inception', euAiActClass: 'unknown' });
    for (const body of [
      {},
      { decisionsAboutPeople: true },
      { serviceIds: ['no-such-service'] },
      { name: 'x'.repeat(201) },
    ]) {
      const res = await t.request(`/api/inventory/${plain.id}`, {
        method: 'PATCH',
        cookie: await t.signInAs('admin'),
        json: body,
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const after = await call<AiSystemDetail>('auditor', `/api/inventory/${plain.id}`, 200);
    expect(after).toMatchObject({ decisionsAboutPeople: false, serviceIds: [], name: 'Internal summariser' });
    expect(after.history).toHaveLength(1);
    await call('admin', '/api/inventory/00000000-0000-4000-8000-000000000000', 404, 'PATCH', { owner: 'x' });
  });

  it("links suppliers prefilled from the vendor's answers, with the vendor's current tier, and removes them", async () => {
    const { vendorId } = await assessmentUnderReview(t, {
      serviceId: 'openai-chatgpt',
      vendorName: 'Prefill Vendor',
      answers: { 'eval.drift': 'no' },
    });
    await t.deps.db.update(vendor).set({ tier: 'high' }).where(eq(vendor.id, vendorId));
    const otherVendor = await createVendor(t, 'Hosting Co');
    const system = await call<AiSystemDetail>('procurement', '/api/inventory', 201, 'POST', {
      name: 'Support assistant',
      purpose: 'Drafts support replies',
      owner: 'Customer Support',
      origin: 'third_party',
      lifecycleStage: 'operation_monitoring',
    });
    const path = `/api/inventory/${system.id}/suppliers`;
    const linked = await call<AiSystemDetail>('procurement', path, 200, 'PUT', {
      vendorId,
      serviceId: 'openai-chatgpt',
      responsibilities: { deployment: { party: 'supplier', note: 'Runs as SaaS' } },
    });
    expect(linked.suppliers).toEqual([
      expect.objectContaining({
        vendorId,
        vendorName: 'Prefill Vendor',
        serviceId: 'openai-chatgpt',
        tier: 'high',
        assessmentId: expect.any(String),
      }),
    ]);
    const matrix = linked.suppliers[0]!.responsibilities;
    expect(matrix.deployment).toEqual({ party: 'supplier', note: 'Runs as SaaS' });
    // From the vendor's "no" to monitoring in production.
    expect(matrix.performance_monitoring).toEqual({
      party: 'organisation',
      note: 'The vendor does not monitor quality in production.',
    });

    const patched = await call<AiSystemDetail>('approver', path, 200, 'PUT', {
      vendorId,
      responsibilities: { incident_handling: { party: 'organisation', note: 'Our SOC handles it' } },
    });
    const after = patched.suppliers[0]!.responsibilities;
    expect(after.deployment).toEqual({ party: 'supplier', note: 'Runs as SaaS' });
    expect(after.incident_handling).toEqual({ party: 'organisation', note: 'Our SOC handles it' });
    expect(patched.history.at(-1)).toMatchObject({
      action: 'ai_system.supplier_updated',
      details: {
        changes: { incident_handling: { to: { party: 'organisation', note: 'Our SOC handles it' } } },
      },
    });

    const two = await call<AiSystemDetail>('procurement', path, 200, 'PUT', { vendorId: otherVendor });
    expect(two.suppliers.map((s) => [s.vendorName, s.tier, s.assessmentId])).toEqual([
      ['Hosting Co', null, null],
      ['Prefill Vendor', 'high', expect.any(String)],
    ]);

    const before = JSON.stringify(two.suppliers);
    for (const body of [
      { vendorId: '00000000-0000-4000-8000-000000000000' },
      { vendorId, responsibilities: { deployment: { party: 'vendor' } } },
      { vendorId, responsibilities: { marketing: { party: 'supplier' } } },
      { vendorId, serviceId: 'no-such-service' },
      { vendorId: 'not-a-uuid' },
    ]) {
      const res = await t.request(path, {
        method: 'PUT',
        cookie: await t.signInAs('procurement'),
        json: body,
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(
      JSON.stringify((await call<AiSystemDetail>('auditor', `/api/inventory/${system.id}`, 200)).suppliers),
    ).toBe(before);

    expect(await list(`?vendorId=${vendorId}`)).toEqual(['Support assistant']);
    expect(await list('?tier=high')).toContain('Support assistant');
    expect(await list('?tier=critical')).not.toContain('Support assistant');

    const removed = await call<AiSystemDetail>('procurement', `${path}/${otherVendor}`, 200, 'DELETE');
    expect(removed.suppliers.map((s) => s.vendorId)).toEqual([vendorId]);
    const byLink = await call<AiSystemDetail>(
      'procurement',
      `${path}/${removed.suppliers[0]!.id}`,
      200,
      'DELETE',
    );
    expect(byLink.suppliers).toEqual([]);
    expect(byLink.history.map((h) => h.action)).toEqual([
      'ai_system.created',
      'ai_system.supplier_linked',
      'ai_system.supplier_updated',
      'ai_system.supplier_linked',
      'ai_system.supplier_removed',
      'ai_system.supplier_removed',
    ]);
    await call('procurement', `${path}/${otherVendor}`, 404, 'DELETE');
  });

  it('filters by lifecycle stage, EU AI Act class, owner, due for review and search', async () => {
    await call('admin', '/api/inventory', 201, 'POST', {
      name: 'Filter alpha',
      purpose: 'Translating contracts',
      owner: 'Legal Team',
      lifecycleStage: 'retirement',
      euAiActClass: 'limited',
      nextReviewOn: '2000-01-01',
    });
    await call('admin', '/api/inventory', 201, 'POST', {
      name: 'Filter beta',
      purpose: 'Forecasting 100% of demand',
      owner: 'Planning',
      lifecycleStage: 'retirement',
      euAiActClass: 'minimal',
      nextReviewOn: '2999-01-01',
    });
    expect(await list('?lifecycleStage=retirement')).toEqual(['Filter alpha', 'Filter beta']);
    expect(await list('?lifecycleStage=retirement&euAiActClass=limited')).toEqual(['Filter alpha']);
    expect(await list('?lifecycleStage=retirement&owner=legal')).toEqual(['Filter alpha']);
    expect(await list('?lifecycleStage=retirement&dueForReview=true')).toEqual(['Filter alpha']);
    expect(await list('?lifecycleStage=retirement&dueForReview=false')).toEqual(['Filter beta']);
    expect(await list('?q=100%25')).toEqual(['Filter beta']);
    expect(await list('?q=%25')).toEqual(['Filter beta']);
    expect(await list('?q=contracts')).toEqual(['Filter alpha']);
    for (const query of [
      '?tier=extreme',
      '?lifecycleStage=beta',
      '?dueForReview=maybe',
      '?vendorId=x',
      '?colour=red',
    ]) {
      const res = await t.request(`/api/inventory${query}`, { cookie: await t.signInAs('auditor') });
      expect(res.status, query).toBe(400);
    }
  });

  it('lets readers read and only admins, procurement and approvers write', async () => {
    await call('reviewer', '/api/inventory', 200);
    await call('viewer', '/api/inventory', 403);
    await call('auditor', '/api/inventory', 403, 'POST', inHouse);
    await call('reviewer', '/api/inventory', 403, 'POST', inHouse);
    await call('approver', '/api/inventory', 201, 'POST', inHouse);
  });
});
