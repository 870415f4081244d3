import { accessRequest } from '@sightline/db/schema/usage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import { assessmentTestApp, createVendor, dueInDays, json } from './assessment-test-kit';

let t: TestApp;
let vendorId: string;
beforeAll(async () => {
  t = await assessmentTestApp();
  vendorId = await createVendor(t);
});
afterAll(() => t?.close());

describe('an assessment created from an access request', () => {
  it('takes the request’s data categories into its use context, old spellings included', async () => {
    // Requests sent by extensions deployed before the vocabulary was unified hold these spellings.
    const [request] = await t.deps.db
      .insert(accessRequest)
      .values({
        clientRequestId: crypto.randomUUID(),
        serviceId: 'acme-writer',
        justification: 'Answering customer letters',
        intendedUse: 'Drafting replies',
        dataCategories: ['personal-data', 'source-code', 'public', 'health'],
      })
      .returning();
    const cookie = await t.signInAs('procurement');
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
    const full = await json<{ assessment: { useContext: unknown } }>(
      await t.request(`/api/assessments/${created.id}`, { cookie: await t.signInAs('auditor') }),
      200,
    );
    expect(full.assessment.useContext).toEqual({
      dataCategories: ['public', 'personal', 'special_category', 'source_code'],
    });
  });
});
