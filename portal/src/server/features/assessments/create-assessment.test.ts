import { accessRequest } from '@sightline/db/schema/usage';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import { errorOf } from '../../testing/typed-response';
import {
  assessmentTestApp,
  createVendor,
  dueInDays,
  freshAddress,
  json,
  sendAssessment,
  tokenOf,
  vendorCall,
} from './assessment-test-kit';
import { runAssessmentSchedule } from './reminders';

let t: TestApp;
let vendorId: string;

beforeAll(async () => {
  t = await assessmentTestApp();
  vendorId = await createVendor(t);
});
afterAll(() => t?.close());

async function staff<T = Record<string, unknown>>(
  role: 'procurement' | 'reviewer' | 'auditor',
  path: string,
  status: number,
  opts: { method?: string; json?: unknown } = {},
) {
  const cookie = await t.signInAs(role);
  return json<T>(
    await t.request(path, {
      cookie,
      method: opts.method ?? 'GET',
      json: opts.json ?? (opts.method ? {} : undefined),
    }),
    status,
  );
}
const detail = (id: string) =>
  staff<{ assessment: { state: string } }>('auditor', `/api/assessments/${id}`, 200);

describe('creating assessments', () => {
  it('starts from an access request, linking it and moving it into assessment', async () => {
    const [request] = await t.deps.db
      .insert(accessRequest)
      .values({
        clientRequestId: crypto.randomUUID(),
        serviceId: 'acme-writer',
        justification: 'Drafting',
        intendedUse: 'Marketing copy',
        dataCategories: ['internal', 'personal', 'not-a-category'],
      })
      .returning();
    const cookie = await t.signInAs('procurement');
    // The service has no vendor yet: the vendor must be named (and gets linked).
    const noVendor = await t.request('/api/assessments', {
      method: 'POST',
      cookie,
      json: {
        accessRequestId: request!.id,
        respondentName: 'V',
        respondentEmail: 'v@acme.example',
        dueOn: dueInDays(t, 10),
      },
    });
    expect(noVendor.status).toBe(400);
    const created = await json<{ id: string }>(
      await t.request('/api/assessments', {
        method: 'POST',
        cookie,
        json: {
          accessRequestId: request!.id,
          vendorId,
          respondentName: 'V',
          respondentEmail: 'v@acme.example',
          dueOn: dueInDays(t, 10),
        },
      }),
      201,
    );
    const [after] = await t.deps.db.select().from(accessRequest).where(eq(accessRequest.id, request!.id));
    expect(after).toMatchObject({ status: 'in_assessment', assessmentId: created.id });
    const full = await staff<{ assessment: { serviceId: string; useContext: unknown } }>(
      'auditor',
      `/api/assessments/${created.id}`,
      200,
    );
    expect(full.assessment.serviceId).toBe('acme-writer');
    expect(full.assessment.useContext).toEqual({ dataCategories: ['internal', 'personal'] });
    // From the service alone the vendor is now found, but the service already has an assessment under
    // way: a second one is refused, whichever way it is started.
    const duplicate = await t.request('/api/assessments', {
      method: 'POST',
      cookie,
      json: {
        serviceId: 'acme-writer',
        respondentName: 'V',
        respondentEmail: 'v@acme.example',
        dueOn: dueInDays(t, 10),
      },
    });
    expect(duplicate.status).toBe(409);
    expect((await errorOf(duplicate)).error.message).toMatch(/already under way/);
    // Revoking the assessment puts the request back in the queue.
    await staff('procurement', `/api/assessments/${created.id}/revoke`, 200, { method: 'POST', json: {} });
    const [reopened] = await t.deps.db.select().from(accessRequest).where(eq(accessRequest.id, request!.id));
    expect(reopened).toMatchObject({ status: 'open', assessmentId: null });
    const second = await json<{ id: string }>(
      await t.request('/api/assessments', {
        method: 'POST',
        cookie,
        json: {
          accessRequestId: request!.id,
          vendorId,
          respondentName: 'V',
          respondentEmail: 'v@acme.example',
          dueOn: dueInDays(t, 10),
        },
      }),
      201,
    );
    expect(second.id).not.toBe(created.id);
    // A request already in assessment cannot start a second one.
    const again = await t.request('/api/assessments', {
      method: 'POST',
      cookie,
      json: {
        accessRequestId: request!.id,
        vendorId,
        respondentName: 'V',
        respondentEmail: 'v@acme.example',
        dueOn: dueInDays(t, 10),
      },
    });
    expect(again.status).toBe(409);
  });

  it('refuses past due dates and reopens an expired assessment only with a new one', async () => {
    const cookie = await t.signInAs('procurement');
    const past = await t.request('/api/assessments', {
      method: 'POST',
      cookie,
      json: { vendorId, respondentName: 'V', respondentEmail: 'v@acme.example', dueOn: dueInDays(t, -1) },
    });
    expect(past.status).toBe(400);
    const { id } = await sendAssessment(t, vendorId, { dueOn: dueInDays(t, 1) });
    const start = t.clock.now();
    try {
      t.clock.advanceDays(20);
      await runAssessmentSchedule(t.serviceDeps());
      expect((await detail(id)).assessment.state).toBe('expired');
      await staff('procurement', `/api/assessments/${id}/resend`, 400, { method: 'POST', json: {} });
      const reopened = await staff<{ state: string; link: string }>(
        'procurement',
        `/api/assessments/${id}/resend`,
        200,
        {
          method: 'POST',
          json: { dueOn: dueInDays(t, 7) },
        },
      );
      expect(reopened.state).toBe('sent');
      await json(
        await vendorCall(t, tokenOf(reopened.link), '/api/vendor/assessment', { from: freshAddress() }),
        200,
      );
    } finally {
      t.clock.set(start);
    }
  });

  it('edits a draft until it is sent, and resends to a new respondent', async () => {
    const cookie = await t.signInAs('procurement');
    const draft = await json<{ id: string }>(
      await t.request('/api/assessments', {
        method: 'POST',
        cookie,
        json: {
          vendorId,
          respondentName: 'Old',
          respondentEmail: 'old@acme.example',
          dueOn: dueInDays(t, 10),
        },
      }),
      201,
    );
    await staff('procurement', `/api/assessments/${draft.id}`, 400, { method: 'PATCH', json: {} });
    await staff('procurement', `/api/assessments/${draft.id}`, 200, {
      method: 'PATCH',
      json: { respondentName: 'New', respondentEmail: 'New@Acme.example', dueOn: dueInDays(t, 20) },
    });
    await staff('procurement', `/api/assessments/${draft.id}/send`, 200, { method: 'POST' });
    const sent = await staff<{ assessment: { respondentEmail: string; dueOn: string } }>(
      'auditor',
      `/api/assessments/${draft.id}`,
      200,
    );
    expect(sent.assessment).toMatchObject({ respondentEmail: 'new@acme.example', dueOn: dueInDays(t, 20) });
    await staff('procurement', `/api/assessments/${draft.id}`, 409, {
      method: 'PATCH',
      json: { respondentName: 'X' },
    });

    const first = await staff<{ link: string }>('procurement', `/api/assessments/${draft.id}/resend`, 200, {
      method: 'POST',
      json: {},
    });
    const handedOver = await staff<{ link: string }>(
      'procurement',
      `/api/assessments/${draft.id}/resend`,
      200,
      {
        method: 'POST',
        json: { respondentName: 'Successor', respondentEmail: 'successor@acme.example' },
      },
    );
    expect(
      (await vendorCall(t, tokenOf(first.link), '/api/vendor/assessment', { from: freshAddress() })).status,
    ).toBe(410);
    const view = await json<{ assessment: { respondentName: string; you: { email: string } } }>(
      await vendorCall(t, tokenOf(handedOver.link), '/api/vendor/assessment', { from: freshAddress() }),
      200,
    );
    expect(view.assessment).toMatchObject({
      respondentName: 'Successor',
      you: { email: 'successor@acme.example' },
    });
  });
});
