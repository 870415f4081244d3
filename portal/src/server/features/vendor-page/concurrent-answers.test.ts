import { assessmentAnswer } from '@sightline/db/schema/assessments';
import { emailOutbox } from '@sightline/db/schema/mail';
import type { AnswerConflict, VendorView } from '@sightline/shared/assessments/vendor-page-api';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import {
  assessmentTestApp,
  createVendor,
  freshAddress,
  json,
  sendAssessment,
  vendorCall,
} from '../assessments/assessment-test-kit';

let t: TestApp;
let assessmentId: string;
/** The respondent's link and a colleague's, both open on the questionnaire at once. */
let vera: string;
let carl: string;

type SaveResult = { saved: string[]; revisions: Record<string, number> };
type Refusal = { error: { code: string; message: string; details: AnswerConflict[] } };

const save = <T = SaveResult>(token: string, body: unknown, status = 200) =>
  vendorCall(t, token, '/api/vendor/answers', { method: 'PUT', json: body, from: freshAddress() }).then(
    (res) => json<T>(res, status),
  );
const view = (token: string) =>
  vendorCall(t, token, '/api/vendor/assessment', { from: freshAddress() }).then((res) =>
    json<VendorView>(res, 200),
  );
const stored = async (questionId: string) =>
  (
    await t.deps.db
      .select()
      .from(assessmentAnswer)
      .where(
        and(eq(assessmentAnswer.assessmentId, assessmentId), eq(assessmentAnswer.questionId, questionId)),
      )
  )[0];

beforeAll(async () => {
  t = await assessmentTestApp();
  const sent = await sendAssessment(t, await createVendor(t));
  assessmentId = sent.id;
  vera = sent.token;
  await json(
    await vendorCall(t, vera, '/api/vendor/colleagues', {
      method: 'POST',
      json: { name: 'Carl Colleague', email: 'carl@acme.example' },
      from: freshAddress(),
    }),
    201,
  );
  const [mail] = await t.deps.db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, 'carl@acme.example'));
  carl = mail!.secretLink!.match(/\/v#([A-Za-z0-9_-]{43})/)![1]!;
});
afterAll(() => t?.close());

describe('two people answering through their own links at once', () => {
  it('refuses a save based on an answer someone else changed since, shows theirs, and changes nothing', async () => {
    const first = await save(vera, {
      answers: { 'prov.models': { value: 'Drafting contracts' } },
      baseRevisions: { 'prov.models': 0 },
    });
    expect(first.revisions).toEqual({ 'prov.models': 1 });
    expect((await view(carl)).revisions['prov.models']).toBe(1);

    // Carl's page still shows the empty question he started from.
    const refused = await save<Refusal>(
      carl,
      {
        answers: {
          'prov.models': { value: 'Summarising tickets' },
          'profile.ai_act_class': { value: 'limited' },
        },
        baseRevisions: { 'prov.models': 0, 'profile.ai_act_class': 0 },
      },
      409,
    );
    expect(refused.error.code).toBe('conflict');
    expect(refused.error.details).toEqual([
      {
        questionId: 'prov.models',
        theirs: { value: 'Drafting contracts' },
        revision: 1,
        savedBy: 'Vera Vendor',
        savedAt: expect.any(String),
      },
    ]);
    // All or nothing: the answer without a conflict was not saved either.
    expect((await stored('prov.models'))?.value).toBe('Drafting contracts');
    expect(await stored('profile.ai_act_class')).toBeUndefined();

    // Carl chose to keep his: he saves again on top of the revision he has now seen.
    const kept = await save(carl, {
      answers: {
        'prov.models': { value: 'Summarising tickets' },
        'profile.ai_act_class': { value: 'limited' },
      },
      baseRevisions: { 'prov.models': 1, 'profile.ai_act_class': 0 },
    });
    expect(kept.revisions).toEqual({ 'prov.models': 2, 'profile.ai_act_class': 1 });
    expect((await stored('prov.models'))?.value).toBe('Summarising tickets');

    // Reviewers see who at the vendor gave each answer.
    const detail = await json<{ answers: { questionId: string; savedBy: string | null }[] }>(
      await t.request(`/api/assessments/${assessmentId}`, { cookie: await t.signInAs('auditor') }),
      200,
    );
    expect(detail.answers.find((a) => a.questionId === 'prov.models')?.savedBy).toBe('Carl Colleague');
  });

  it('takes a retried save whose first attempt got through as done, not as a conflict', async () => {
    const body = {
      answers: { 'profile.gpai_model': { value: ['third_party'] } },
      baseRevisions: { 'profile.gpai_model': 0 },
    };
    const firstTry = await save(vera, body);
    // The answer was lost on the way back; the page sends the same request again.
    const retry = await save(vera, body);
    expect(retry.revisions).toEqual(firstTry.revisions);
    expect((await stored('profile.gpai_model'))?.revision).toBe(1);
  });

  it('overwrites, as before, when a save names no base revision', async () => {
    await save(vera, { answers: { 'profile.ai_act_class': { value: 'minimal' } } });
    expect((await stored('profile.ai_act_class'))?.value).toBe('minimal');
    expect((await stored('profile.ai_act_class'))?.revision).toBe(2);
  });

  it('refuses a malformed base revision with 400', async () => {
    const bad = await save<Refusal>(
      vera,
      {
        answers: { 'profile.ai_act_class': { value: 'high_risk' } },
        baseRevisions: { 'profile.ai_act_class': -1 },
      },
      400,
    );
    expect(bad.error.code).toBe('bad_request');
    expect((await stored('profile.ai_act_class'))?.value).toBe('minimal');
  });
});
