import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import { assessmentTestApp, createVendor, dueInDays, json } from '../assessments/assessment-test-kit';
import { enrollTestDevice } from '../extension-api/test-helpers';

type Listed = {
  serviceId: string;
  requests: {
    id: string;
    assessmentId: string | null;
    openAssessment: { id: string; state: string } | null;
  }[];
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
  const { groups } = await json<{ groups: Listed[] }>(
    await t.request('/api/requests', { cookie: await t.signInAs('auditor') }),
    200,
  );
  return new Map(groups.find((g) => g.serviceId === serviceId)!.requests.map((r) => [r.id, r]));
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
});
