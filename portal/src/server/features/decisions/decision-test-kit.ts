import { randomUUID } from 'node:crypto';
import type { StaffRole } from '@sightline/shared/auth/roles';
import type { TestApp } from '../../testing/test-app';
import { expectJson } from '../../testing/typed-response';
import {
  completeAnswers,
  createVendor,
  freshAddress,
  json,
  sendAssessment,
  vendorCall,
} from '../assessments/assessment-test-kit';
import { enrollTestDevice } from '../extension-api/test-helpers';

/** Test helpers for decisions and the inventory (not used by the running portal). */

export type Device = Awaited<ReturnType<typeof enrollTestDevice>>;

/**
 * Enrolls a browser whose user is named by email (pseudonymisation off), so requesters can be mailed;
 * `pseudonymous` enrolls one that is not.
 */
export async function enrollRequester(t: TestApp, email: string, pseudonymous = false): Promise<Device> {
  const { api } = await t.clientAs('admin');
  await expectJson(api.settings.$patch({ json: { pseudonymiseUsers: pseudonymous } }), 200);
  return enrollTestDevice(t, email);
}

/** An employee's access request from the warning page. */
export async function requestAccess(t: TestApp, device: Device, serviceId: string): Promise<string> {
  const res = t.client.api.ext.requests.$post(
    {
      json: {
        clientRequestId: randomUUID(),
        serviceId,
        justification: 'I need it to draft customer replies faster',
        intendedUse: 'Drafting replies',
        dataCategories: ['internal'],
      },
    },
    { headers: device.auth },
  );
  return (await expectJson(res, 201)).requestId;
}

/**
 * An assessment the vendor answered and submitted, taken into review by `reviewer`. From an access
 * request when one is given (the service comes from it), else for `serviceId`.
 */
export async function assessmentUnderReview(
  t: TestApp,
  opts: {
    serviceId?: string;
    accessRequestId?: string;
    vendorName?: string;
    answers?: Record<string, unknown>;
    reviewer?: StaffRole;
  } = {},
): Promise<{ id: string; vendorId: string }> {
  const vendorId = await createVendor(t, opts.vendorName ?? `Vendor ${randomUUID().slice(0, 8)}`);
  const target = opts.accessRequestId
    ? { accessRequestId: opts.accessRequestId }
    : opts.serviceId
      ? { serviceId: opts.serviceId }
      : {};
  const sent = await sendAssessment(t, vendorId, target);
  const view = await json<{ template: Parameters<typeof completeAnswers>[0] }>(
    await vendorCall(t, sent.token, '/api/vendor/assessment', { from: freshAddress() }),
    200,
  );
  await json(
    await vendorCall(t, sent.token, '/api/vendor/answers', {
      method: 'PUT',
      json: { answers: completeAnswers(view.template, opts.answers) },
      from: freshAddress(),
    }),
    200,
  );
  await json(
    await vendorCall(t, sent.token, '/api/vendor/submit', { method: 'POST', from: freshAddress() }),
    200,
  );
  const { api } = await t.clientAs(opts.reviewer ?? 'reviewer');
  await expectJson(api.assessments[':id']['start-review'].$post({ param: { id: sent.id } }), 200);
  return { id: sent.id, vendorId };
}

type DecisionBody = Parameters<
  Awaited<ReturnType<TestApp['clientAs']>>['api']['assessments'][':id']['decision']['$post']
>[0]['json'];

export async function postDecision(t: TestApp, id: string, body: DecisionBody, role: StaffRole = 'approver') {
  const { api } = await t.clientAs(role);
  return api.assessments[':id'].decision.$post({ param: { id }, json: body });
}

/** The same call with a body the contract refuses, for the tests of refusals. */
export async function postInvalidDecision(
  t: TestApp,
  id: string,
  body: unknown,
  role: StaffRole = 'approver',
) {
  return t.request(`/api/assessments/${id}/decision`, {
    method: 'POST',
    cookie: await t.signInAs(role),
    json: body,
  });
}
