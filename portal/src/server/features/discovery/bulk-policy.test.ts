import { auditLog } from '@sightline/db/schema/audit';
import { orgSettings } from '@sightline/db/schema/org';
import { servicePolicy } from '@sightline/db/schema/policy';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import { assessmentTestApp, json } from '../assessments/assessment-test-kit';

let t: TestApp;
beforeAll(async () => {
  t = await assessmentTestApp({ start: new Date('2026-11-28T12:00:00Z') });
  // Signed in up front: a first sign-in writes audit entries, which the refusals below count.
  await t.signInAs('admin');
});
afterAll(() => t?.close());

const policyVersion = async () =>
  (
    await t.deps.db.select({ v: orgSettings.policyVersion }).from(orgSettings).where(eq(orgSettings.id, 1))
  )[0]!.v;

describe('bulk policy', () => {
  const ids = ['perplexity', 'mistral-le-chat', 'deepseek-chat'];

  it('sets every service in one transaction, audits each change and bumps the policy version once', async () => {
    const before = await policyVersion();
    const res = await t.request('/api/policy/services/bulk', {
      method: 'POST',
      cookie: await t.signInAs('procurement'),
      json: {
        serviceIds: ids,
        policy: {
          state: 'conditional',
          conditions: 'No customer data',
          alternativeServiceId: 'openai-chatgpt',
        },
      },
    });
    const body = await json<{ updated: { serviceId: string }[]; policyVersion: number }>(res, 200);
    expect(body.updated.map((u) => u.serviceId).sort()).toEqual([...ids].sort());
    expect(await policyVersion()).toBe(before + 1);
    expect(body.policyVersion).toBe(before + 1);
    const rows = await t.deps.db.select().from(servicePolicy);
    for (const id of ids) {
      expect(rows.find((r) => r.serviceId === id)).toMatchObject({
        state: 'conditional',
        conditions: 'No customer data',
        alternativeServiceId: 'openai-chatgpt',
      });
      const audit = await t.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'policy.changed'), eq(auditLog.targetId, id)));
      expect(audit).toHaveLength(1);
      expect(audit[0]!.details).toMatchObject({ from: 'unreviewed', to: 'conditional', bulk: true });
      expect(audit[0]!.actorLabel).toContain('procurement');
    }
  });

  it.each([
    [
      'an unknown service among known ones',
      { serviceIds: ['openai-chatgpt', 'no-such-service'], policy: { state: 'blocked' } },
      404,
    ],
    [
      'a conditional state without conditions',
      { serviceIds: ['openai-chatgpt'], policy: { state: 'conditional' } },
      400,
    ],
    ['no services', { serviceIds: [], policy: { state: 'blocked' } }, 400],
    [
      'a service listed twice',
      { serviceIds: ['openai-chatgpt', 'openai-chatgpt'], policy: { state: 'blocked' } },
      400,
    ],
    [
      'a service as its own alternative',
      {
        serviceIds: ['openai-chatgpt', 'perplexity'],
        policy: { state: 'unapproved', alternativeServiceId: 'perplexity' },
      },
      400,
    ],
    ['an unknown state', { serviceIds: ['openai-chatgpt'], policy: { state: 'maybe' } }, 400],
    ['an extra field', { serviceIds: ['openai-chatgpt'], policy: { state: 'blocked' }, force: true }, 400],
  ])('refuses %s and changes nothing', async (_name, input, status) => {
    const before = await policyVersion();
    const policies = await t.deps.db.select().from(servicePolicy);
    const audits = (await t.deps.db.select().from(auditLog)).length;
    const res = await t.request('/api/policy/services/bulk', {
      method: 'POST',
      cookie: await t.signInAs('admin'),
      json: input,
    });
    expect(res.status).toBe(status);
    expect(await policyVersion()).toBe(before);
    expect(await t.deps.db.select().from(servicePolicy)).toEqual(policies);
    expect((await t.deps.db.select().from(auditLog)).length).toBe(audits);
  });

  it('is refused to viewers', async () => {
    const res = await t.request('/api/policy/services/bulk', {
      method: 'POST',
      cookie: await t.signInAs('viewer'),
      json: { serviceIds: ['openai-chatgpt'], policy: { state: 'blocked' } },
    });
    expect(res.status).toBe(403);
  });
});
