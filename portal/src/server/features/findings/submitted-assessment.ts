import { visibleQuestions } from '@sightline/shared/questionnaire/visibility';
import type { TestApp } from '../../testing/test-app';
import {
  completeAnswers,
  defaultUseContext,
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
 * files every visible file question asks for and submits, so the assessment is scored as a reviewer would find it.
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
  const given = completeAnswers(view.template, { ...soundAnswers, ...answers });
  await json(
    await vendorCall(t, sent.token, '/api/vendor/answers', {
      method: 'PUT',
      json: { answers: given },
      from: freshAddress(),
    }),
    200,
  );
  // Scoring 2 counts an empty upload as no assurance, so a sound vendor sends every file asked for.
  const fileQuestions = visibleQuestions(view.template, given, defaultUseContext)
    .map((v) => v.question)
    .filter((q) => q.type === 'file');
  for (const question of fileQuestions) {
    const form = new FormData();
    form.set('questionId', question.id);
    form.set('file', new Blob([new Uint8Array(samplePdf())]), 'evidence.pdf');
    // Certificates need an expiry date; a far one keeps the evidence current whatever the clock says.
    form.set('expiresOn', '2099-01-31');
    await json(
      await vendorCall(t, sent.token, '/api/vendor/evidence', {
        method: 'POST',
        body: form,
        from: freshAddress(),
      }),
      201,
    );
  }
  await json(
    await vendorCall(t, sent.token, '/api/vendor/submit', { method: 'POST', from: freshAddress() }),
    200,
  );
  return { id: sent.id, token: sent.token };
}
