import { assessment, evidenceFile } from '@sightline/db/schema/assessments';
import { storedFile } from '@sightline/db/schema/files';
import { emailOutbox } from '@sightline/db/schema/mail';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import { expectJson } from '../../testing/typed-response';
import {
  assessmentTestApp,
  freshAddress,
  heldLinkToken,
  json,
  vendorApi,
  vendorCall,
} from '../assessments/assessment-test-kit';
import { countRows, decidedAssessment, startReassessment, uploadEvidence } from './review-test-kit';

let t: TestApp;
beforeAll(async () => {
  t = await assessmentTestApp({ start: new Date('2027-02-01T09:00:00Z') });
});
afterAll(() => t?.close());

const reassess = (
  id: string,
  body?: Parameters<typeof startReassessment>[2],
  role?: Parameters<typeof startReassessment>[3],
) => startReassessment(t, id, body, role);
const rows = (table: typeof assessment | typeof storedFile) => countRows(t, table);

describe('start reassessment', () => {
  it('carries last cycle over for the vendor to confirm or change; staff see what changed and how the score moved', async () => {
    const first = await decidedAssessment(t, {
      serviceId: 'openai-chatgpt',
      answers: { 'prov.models': 'GPT-4o from OpenAI' },
      evidence: [
        { questionId: 'evd.pen_test', name: 'pentest-2026.pdf' },
        { questionId: 'evd.other_certificates', name: 'iso27701.pdf', expiresOn: '2028-01-31' },
      ],
    });
    const filesBefore = await rows(storedFile);
    t.clock.advanceDays(30);
    const started = await expectJson(reassess(first.id), 201);
    expect(started.state).toBe('sent');
    const [stored] = await t.deps.db.select().from(assessment).where(eq(assessment.id, started.id));
    expect(stored).toMatchObject({ cycle: 2, previousAssessmentId: first.id, serviceId: 'openai-chatgpt' });
    // The evidence rows point at the same stored files: no bytes copied.
    expect(await rows(storedFile)).toBe(filesBefore);

    const [invitation] = await t.deps.db
      .select({ text: emailOutbox.textBody })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.relatedId, started.id), eq(emailOutbox.purpose, 'assessment.sent')));
    expect(invitation!.text).toContain(
      'This is a reassessment: your answers from the last assessment are filled in.',
    );
    const token = heldLinkToken(started);
    const vendor = vendorApi(t, token);
    const call = (path: string, opts: Parameters<typeof vendorCall>[3] = {}) =>
      vendorCall(t, token, path, { from: freshAddress(), ...opts });
    const view = await expectJson(vendor.assessment.$get(), 200);
    expect(view.answers['prov.models']).toEqual({ value: 'GPT-4o from OpenAI' });
    expect(view.carried?.['prov.models']).toBe('prefilled');
    expect(view.carried?.['evd.pen_test']).toBe('prefilled');
    expect(view.evidence.map((e) => [e.fileName, e.carriedOver])).toEqual(
      expect.arrayContaining([
        ['pentest-2026.pdf', true],
        ['iso27701.pdf', true],
      ]),
    );

    // Nothing confirmed yet: submitting is refused, listing what still needs a look.
    const early = await call('/api/vendor/submit', { method: 'POST' });
    expect(early.status).toBe(400);
    const problems = (
      (await early.json()) as { error: { details: { questionId: string; problem: string }[] } }
    ).error.details;
    expect(problems).toContainEqual(
      expect.objectContaining({ questionId: 'prov.models', problem: 'unconfirmed' }),
    );

    // The pen test still stands (confirmed, file kept); the models changed (carried text answer
    // changed: its own carried evidence, if any, would go); the certificates got a new file.
    await json(
      await call('/api/vendor/answers', {
        method: 'PUT',
        json: {
          answers: { 'prov.models': { value: 'GPT-4o from OpenAI and Claude from Anthropic' } },
          baseRevisions: { 'prov.models': view.revisions['prov.models']! },
        },
      }),
      200,
    );
    await json(
      await uploadEvidence(t, token, 'evd.other_certificates', 'iso27701-2027.pdf', '2029-01-31'),
      201,
    );
    const others = Object.entries(view.carried ?? {})
      .filter(
        ([id, state]) => state === 'prefilled' && id !== 'prov.models' && id !== 'evd.other_certificates',
      )
      .map(([id]) => id);
    expect(others).toContain('evd.pen_test');
    await expectJson(vendor.answers.confirm.$post({ json: { questionIds: others } }), 200);
    const after = await expectJson(vendor.assessment.$get(), 200);
    expect(after.carried).toMatchObject({
      'evd.pen_test': 'confirmed',
      'prov.models': 'changed',
      'evd.other_certificates': 'changed',
    });
    expect(after.evidence.filter((e) => e.questionId === 'evd.pen_test').map((e) => e.fileName)).toEqual([
      'pentest-2026.pdf',
    ]);
    await expectJson(vendor.submit.$post(), 200);

    const auditor = (await t.clientAs('auditor')).api;
    const diff = await expectJson(
      auditor.assessments[':id']['cycle-diff'].$get({ param: { id: started.id } }),
      200,
    );
    if (!diff.previous) throw new Error('the second cycle has no previous one');
    expect(diff.cycle).toBe(2);
    expect(diff.previous).toMatchObject({ id: first.id, cycle: 1 });
    const q = (id: string) => diff.questions.find((x) => x.questionId === id)!;
    expect(q('prov.models')).toMatchObject({
      status: 'changed',
      carried: 'changed',
      previousAnswer: 'GPT-4o from OpenAI',
      answer: 'GPT-4o from OpenAI and Claude from Anthropic',
    });
    expect(q('evd.pen_test')).toMatchObject({
      status: 'same',
      carried: 'confirmed',
      evidence: { kept: ['pentest-2026.pdf'], dropped: [], added: [] },
    });
    expect(q('evd.other_certificates').evidence).toEqual({
      kept: ['iso27701.pdf'],
      dropped: [],
      added: ['iso27701-2027.pdf'],
    });
    expect(diff.scores.previous?.residual.score).toEqual(expect.any(Number));
    expect(diff.scores.current?.residual.score).toEqual(expect.any(Number));
  });

  it('a changed answer drops the evidence carried with it; a re-attached file stays', async () => {
    const first = await decidedAssessment(t, {
      serviceId: 'anthropic-claude',
      evidence: [{ questionId: 'gov.ai_policy', name: 'ai-policy-2026.pdf' }],
    });
    t.clock.advanceDays(1);
    const started = await expectJson(reassess(first.id), 201);
    const token = heldLinkToken(started);
    const vendor = vendorApi(t, token);
    const view = await expectJson(vendor.assessment.$get(), 200);
    const carriedValue = view.answers['gov.ai_policy'];
    expect(view.carried?.['gov.ai_policy']).toBe('prefilled');
    expect(carriedValue?.value).toBeDefined();
    // "No" now: the policy document carried over backed the old "yes" and no longer proves anything.
    await expectJson(vendor.answers.$put({ json: { answers: { 'gov.ai_policy': { value: 'no' } } } }), 200);
    const after = await expectJson(vendor.assessment.$get(), 200);
    expect(after.carried?.['gov.ai_policy']).toBe('changed');
    expect(after.evidence.filter((e) => e.questionId === 'gov.ai_policy')).toEqual([]);
    // Dropped, not deleted: the row stays (marked removed) for the audit trail and the cycle diff.
    const rowsKept = await t.deps.db
      .select()
      .from(evidenceFile)
      .where(eq(evidenceFile.assessmentId, started.id));
    expect(rowsKept).toEqual([
      expect.objectContaining({ questionId: 'gov.ai_policy', removedAt: expect.any(Date) }),
    ]);
    // Re-attached, it stays with the new answer.
    await json(await uploadEvidence(t, token, 'gov.ai_policy', 'ai-policy-2026.pdf'), 201);
    const reattached = await expectJson(vendor.assessment.$get(), 200);
    expect(
      reattached.evidence.filter((e) => e.questionId === 'gov.ai_policy').map((e) => e.carriedOver ?? false),
    ).toEqual([false]);
  });
});
