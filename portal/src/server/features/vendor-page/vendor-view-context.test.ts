import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import {
  assessmentTestApp,
  createVendor,
  json,
  sendAssessment,
  vendorCall,
} from '../assessments/assessment-test-kit';

let t: TestApp;
beforeAll(async () => {
  t = await assessmentTestApp();
});
afterAll(() => t?.close());

describe('vendor view: the organisation use context', () => {
  it('shows the vendor how the organisation intends to use the service, without observed figures or criticality', async () => {
    const sent = await sendAssessment(t, await createVendor(t, 'Context AI Ltd'), {
      useContext: {
        purpose: 'Summarising support tickets',
        dataCategories: ['personal', 'customer_data'],
        expectedUsers: 25,
        observedUsers: 31,
        businessCriticality: 'high',
        supportsCriticalFunction: false,
        decisionsAboutPeople: 'informs',
        autonomy: 'assisted',
        euAiActClass: 'unknown',
      },
    });
    const view = await json<Record<string, unknown>>(
      await vendorCall(t, sent.token, '/api/vendor/assessment'),
      200,
    );
    expect(view.useContext).toEqual({
      purpose: 'Summarising support tickets',
      dataCategories: ['personal', 'customer_data'],
      expectedUsers: 25,
      supportsCriticalFunction: false,
      decisionsAboutPeople: 'informs',
      autonomy: 'assisted',
      euAiActClass: 'unknown',
    });
    expect(JSON.stringify(view)).not.toMatch(/observedUsers|businessCriticality|inherent|residual/);
  });

  it('sends no use context when the organisation stated none', async () => {
    const sent = await sendAssessment(t, await createVendor(t, 'Blank AI Ltd'), { useContext: {} });
    const view = await json<Record<string, unknown>>(
      await vendorCall(t, sent.token, '/api/vendor/assessment'),
      200,
    );
    expect(view).not.toHaveProperty('useContext');
  });
});
