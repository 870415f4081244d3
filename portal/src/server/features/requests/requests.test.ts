import { randomUUID } from 'node:crypto';
import { accessRequest } from '@sightline/db/schema/usage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import { assessmentTestApp, createVendor, dueInDays, json } from '../assessments/assessment-test-kit';
import { enrollTestDevice } from '../extension-api/test-helpers';

type Listed = {
  id: string;
  assessmentId: string | null;
  openAssessment: { id: string; state: string } | null;
};

let t: TestApp;
beforeAll(async () => {
  t = await assessmentTestApp();
});
afterAll(() => t?.close());

async function requestAccess(auth: Record<string, string>, serviceId: string) {
  const res = await t.request('/api/ext/requests', {
    method: 'POST',
    headers: auth,
    json: {
      clientRequestId: randomUUID(),
      serviceId,
      justification: 'Drafting release notes',
      intendedUse: 'Public changelogs',
      dataCategories: ['public'],
    },
  });
  return (await json<{ requestId: string }>(res, 201)).requestId;
}

const requestsOf = async (serviceId: string) => {
  const { items } = await json<{ items: Listed[] }>(
    await t.request(`/api/requests?serviceId=${serviceId}`, { cookie: await t.signInAs('auditor') }),
    200,
  );
  return new Map(items.map((r) => [r.id, r]));
};

describe('access requests list', () => {
  it('names the assessment already under way for the service, so nobody starts a second one', async () => {
    const ada = await enrollTestDevice(t, 'ada@example.com');
    const bob = await enrollTestDevice(t, 'bob@example.com');
    const first = await requestAccess(ada.auth, 'anthropic-claude');
    const second = await requestAccess(bob.auth, 'anthropic-claude');
    const other = await requestAccess(ada.auth, 'perplexity');
    expect((await requestsOf('anthropic-claude')).get(second)?.openAssessment).toBeNull();

    const cookie = await t.signInAs('procurement');
    const vendorId = await createVendor(t, 'Anthropic');
    const started = await json<{ id: string }>(
      await t.request('/api/assessments', {
        method: 'POST',
        cookie,
        json: {
          accessRequestId: first,
          vendorId,
          respondentName: 'Vera',
          respondentEmail: 'vera@anthropic.example',
          dueOn: dueInDays(t, 21),
        },
      }),
      201,
    );
    const claude = await requestsOf('anthropic-claude');
    expect(claude.get(first)).toMatchObject({ assessmentId: started.id });
    expect(claude.get(second)).toMatchObject({
      assessmentId: null,
      openAssessment: { id: started.id, state: 'draft' },
    });
    expect((await requestsOf('perplexity')).get(other)?.openAssessment).toBeNull();

    // Withdrawn, it no longer stands in the way of a new one.
    await json(
      await t.request(`/api/assessments/${started.id}/revoke`, { method: 'POST', cookie, json: {} }),
      200,
    );
    expect((await requestsOf('anthropic-claude')).get(second)?.openAssessment).toBeNull();
  });

  it('counts every service asked for, open first, and reads one request by id', async () => {
    const carol = await enrollTestDevice(t, 'carol@example.com');
    const mine = await requestAccess(carol.auth, 'perplexity');
    const page = await json<{
      items: unknown[];
      services: { serviceId: string; serviceName: string; open: number; total: number }[];
    }>(await t.request('/api/requests?limit=1', { cookie: await t.signInAs('auditor') }), 200);
    // One request on the page, and still every service with its full counts.
    expect(page.items).toHaveLength(1);
    const stored = await t.deps.db
      .select({ serviceId: accessRequest.serviceId, status: accessRequest.status })
      .from(accessRequest);
    const expected = ['perplexity', 'anthropic-claude'].map((serviceId) => {
      const rows = stored.filter((r) => r.serviceId === serviceId);
      return [serviceId, rows.filter((r) => r.status === 'open').length, rows.length];
    });
    const counted = page.services.map((s) => [s.serviceId, s.open, s.total]);
    expect(counted).toHaveLength(expected.length);
    expect(counted).toEqual(expect.arrayContaining(expected));
    // Most open first (then most requests, then by name).
    const opens = page.services.map((s) => s.open);
    expect(opens).toEqual([...opens].sort((a, b) => b - a));
    expect(page.services.find((s) => s.serviceId === 'perplexity')?.serviceName).toBe('Perplexity');
    const one = await json<{ id: string; serviceId: string; openAssessment: unknown }>(
      await t.request(`/api/requests/${mine}`, { cookie: await t.signInAs('reviewer') }),
      200,
    );
    expect(one).toMatchObject({ id: mine, serviceId: 'perplexity', openAssessment: null });
    const missing = await t.request('/api/requests/00000000-0000-4000-8000-000000000000', {
      cookie: await t.signInAs('reviewer'),
    });
    expect(missing.status).toBe(404);
  });
});
