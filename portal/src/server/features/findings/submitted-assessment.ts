import type { TestApp } from '../../testing/test-app';
import {
  completeAnswers,
  freshAddress,
  json,
  sendAssessment,
  vendorCall,
} from '../assessments/assessment-test-kit';
import { samplePdf } from '../evidence/sample-files';

/** Answers that raise no knock-out and leave no section weak (the template's defaults say "yes"). */
export const soundAnswers: Record<string, unknown> = {
  'reg.prohibited_practice': 'no',
};

/** Incidents answered as badly as possible without a knock-out: a critical section. */
export const weakIncidents: Record<string, unknown> = {
  'inc.process': 'no',
  'inc.customer_notice': 'undue_delay',
  'inc.output_reports': 'no',
};

/**
 * Test helper: sends an assessment, answers every question (with `answers` where given), uploads the
 * required pen-test report and submits, so the assessment is scored as a reviewer would find it.
 */
export async function submittedAssessment(
  t: TestApp,
  vendorId: string,
  answers: Record<string, unknown> = {},
): Promise<{ id: string; token: string }> {
  const sent = await sendAssessment(t, vendorId);
  const view = await json<{ template: Parameters<typeof completeAnswers>[0] }>(
    await vendorCall(t, sent.token, '/api/vendor/assessment', { from: freshAddress() }),
    200,
  );
  await json(
    await vendorCall(t, sent.token, '/api/vendor/answers', {
      method: 'PUT',
      json: { answers: completeAnswers(view.template, { ...soundAnswers, ...answers }) },
      from: freshAddress(),
    }),
    200,
  );
  const form = new FormData();
  form.set('questionId', 'evd.pen_test');
  form.set('file', new Blob([new Uint8Array(samplePdf())]), 'pentest.pdf');
  await json(
    await vendorCall(t, sent.token, '/api/vendor/evidence', {
      method: 'POST',
      body: form,
      from: freshAddress(),
    }),
    201,
  );
  await json(
    await vendorCall(t, sent.token, '/api/vendor/submit', { method: 'POST', from: freshAddress() }),
    200,
  );
  return { id: sent.id, token: sent.token };
}
