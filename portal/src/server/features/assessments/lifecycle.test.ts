import { assessment, questionnaireTemplate } from '@sightline/db/schema/assessments';
import { auditLog } from '@sightline/db/schema/audit';
import { emailOutbox } from '@sightline/db/schema/mail';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import { samplePdf } from '../evidence/sample-files';
import {
  allKeys,
  assessmentTestApp,
  completeAnswers,
  createVendor,
  defaultUseContext,
  dueInDays,
  internalKeys,
  json,
  tokenOf,
} from './assessment-test-kit';
import { lifecycleCalls } from './lifecycle-calls';

let t: TestApp;
let vendorId: string;
const { publicBodies, vendor, getView, save, staff, detail } = lifecycleCalls(() => t);

beforeAll(async () => {
  t = await assessmentTestApp();
  vendorId = await createVendor(t);
});
afterAll(() => t?.close());

describe('assessment lifecycle', () => {
  it('creates a draft, sends it with a snapshot, and the vendor answers, submits and gets a changes round', async () => {
    const cookie = await t.signInAs('procurement');
    const created = await json<{ id: string; state: string }>(
      await t.request('/api/assessments', {
        method: 'POST',
        cookie,
        json: {
          vendorId,
          respondentName: 'Vera',
          respondentEmail: 'Vera@Acme.example',
          dueOn: dueInDays(t, 14),
          useContext: defaultUseContext,
        },
      }),
      201,
    );
    expect(created.state).toBe('draft');
    const sent = await staff<{ link: string; state: string; mailed: boolean }>(
      'procurement',
      `/api/assessments/${created.id}/send`,
      200,
      { method: 'POST' },
    );
    expect(sent.state).toBe('sent');
    expect(sent.mailed).toBe(false);
    expect(sent.link).toMatch(/^http:\/\/localhost:8787\/v#[A-Za-z0-9_-]{43}$/);
    const vendorAfterSend = await staff<{ vendor: { status: string } }>(
      'auditor',
      `/api/vendors/${vendorId}`,
      200,
    );
    expect(vendorAfterSend.vendor.status).toBe('awaiting_vendor');
    await staff('procurement', `/api/assessments/${created.id}/send`, 409, { method: 'POST' });
    const token = tokenOf(sent.link);

    // Editing the template afterwards never changes what was asked.
    const [sentRow] = await t.deps.db.select().from(assessment).where(eq(assessment.id, created.id));
    const [tpl] = await t.deps.db
      .select()
      .from(questionnaireTemplate)
      .where(eq(questionnaireTemplate.id, sentRow!.templateId));
    const changed = structuredClone(tpl!.definition) as { sections: { questions: { text: string }[] }[] };
    changed.sections[0]!.questions[0]!.text = 'Changed after sending';
    await t.deps.db
      .update(questionnaireTemplate)
      .set({ definition: changed })
      .where(eq(questionnaireTemplate.id, tpl!.id));
    const first = await getView(token);
    expect(first.template.sections[0]!.questions[0]!.text).not.toBe('Changed after sending');
    await t.deps.db
      .update(questionnaireTemplate)
      .set({ definition: tpl!.definition })
      .where(eq(questionnaireTemplate.id, tpl!.id));

    expect(first.assessment.mode).toBe('answering');
    expect(first.template.sections[0]!.id).toBe('profile');
    expect((await detail(created.id)).assessment.firstOpenedAt).not.toBeNull();

    // A bad answer refuses the whole request and saves nothing.
    const bad = await save(
      token,
      { 'prov.models': { value: 'ok' }, 'profile.ai_act_class': { value: 'many' } },
      400,
    );
    expect(bad.error?.details.map((d) => d.questionId)).toEqual(['profile.ai_act_class']);
    expect((await getView(token)).answers).toEqual({});
    await save(token, { 'nope.question': { value: 'x' } }, 400);

    // A colleague gets a link of their own, by mail, that works beside the respondent's.
    await vendor(token, '/api/vendor/colleagues', 201, {
      method: 'POST',
      json: { name: 'Carl', email: 'Carl@Acme.example' },
    });
    await vendor(token, '/api/vendor/colleagues', 400, { method: 'POST', json: { name: '', email: 'nope' } });
    const [colleagueMail] = await t.deps.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, 'carl@acme.example'));
    const colleagueToken = colleagueMail!.secretLink!.match(/\/v#([A-Za-z0-9_-]{43})/)![1]!;
    expect((await getView(colleagueToken)).assessment.you).toEqual({
      name: 'Carl',
      email: 'carl@acme.example',
      colleague: true,
    });

    const answers = completeAnswers(first.template);
    const firstSave = await save(token, { 'prov.models': answers['prov.models'] });
    expect(firstSave.state).toBe('in_progress');

    // Submitting early lists what is missing.
    const early = await vendor<{ error: { details: { questionId: string; problem: string }[] } }>(
      token,
      '/api/vendor/submit',
      400,
      { method: 'POST' },
    );
    expect(early.error.details.length).toBeGreaterThan(10);
    expect(early.error.details[0]).toMatchObject({
      questionId: 'profile.ai_act_role',
      problem: 'unanswered',
    });

    await save(token, answers);
    const progressView = await getView(token);
    expect(Object.keys(progressView.answers).length).toBe(Object.keys(answers).length);

    const form = new FormData();
    form.set('questionId', 'evd.pen_test');
    form.set('file', new Blob([new Uint8Array(samplePdf())]), 'pentest.pdf');
    await vendor(token, '/api/vendor/evidence', 201, { method: 'POST', body: form });

    const submitted = await vendor<{ state: string }>(token, '/api/vendor/submit', 200, { method: 'POST' });
    expect(submitted.state).toBe('submitted');
    const afterSubmit = await getView(token);
    expect(afterSubmit.assessment.mode).toBe('read_only');
    await save(token, { 'prov.models': { value: 'changed' } }, 409);
    await vendor(token, '/api/vendor/submit', 409, { method: 'POST' });
    expect((await detail(created.id)).answers.every((a) => a.locked)).toBe(true);

    // Reviewer comments on one question and sends it back.
    await staff('procurement', `/api/assessments/${created.id}/request-changes`, 403, {
      method: 'POST',
      json: {},
    });
    await staff('reviewer', `/api/assessments/${created.id}/request-changes`, 400, {
      method: 'POST',
      json: {},
    });
    await staff('reviewer', `/api/assessments/${created.id}/comments`, 400, {
      method: 'POST',
      json: { questionId: 'not.a_question', comment: 'x' },
    });
    await staff('reviewer', `/api/assessments/${created.id}/comments`, 201, {
      method: 'POST',
      json: { questionId: 'prov.models', comment: 'Please say which model versions you run.' },
    });
    const requested = await staff<{ state: string; link: string; questionIds: string[] }>(
      'reviewer',
      `/api/assessments/${created.id}/request-changes`,
      200,
      { method: 'POST', json: { message: 'One question for you.' } },
    );
    expect(requested).toMatchObject({ state: 'changes_requested', questionIds: ['prov.models'] });
    const newToken = tokenOf(requested.link);
    await vendor(token, '/api/vendor/assessment', 410);
    const changes = await getView(newToken);
    expect(changes.assessment.mode).toBe('changes');
    expect(changes.editableQuestionIds).toEqual(['prov.models']);
    expect(changes.reviewComments).toEqual([
      expect.objectContaining({
        questionId: 'prov.models',
        comment: 'Please say which model versions you run.',
      }),
    ]);
    const locked = await save(newToken, { 'profile.ai_act_class': { value: 'limited' } }, 400);
    expect(locked.error?.details[0]).toMatchObject({ questionId: 'profile.ai_act_class' });
    await save(newToken, { 'prov.models': { value: 'Model X 2.1, hosted in the EU' } });
    const resubmitted = await vendor<{ state: string }>(newToken, '/api/vendor/submit', 200, {
      method: 'POST',
    });
    expect(resubmitted.state).toBe('submitted');
    const final = await detail(created.id);
    expect(final.comments.every((c) => c.resolvedAt !== null)).toBe(true);
    expect(final.answers.every((a) => a.locked)).toBe(true);
    expect(final.evidence).toHaveLength(1);

    await staff('reviewer', `/api/assessments/${created.id}/start-review`, 200, { method: 'POST' });
    expect((await detail(created.id)).assessment.state).toBe('under_review');
    await staff('procurement', `/api/assessments/${created.id}/resend`, 409, { method: 'POST', json: {} });

    const actions = (await detail(created.id)).timeline.map((e) => e.action);
    for (const action of [
      'assessment.created',
      'assessment.sent',
      'assessment.link_issued',
      'assessment.viewed',
      'assessment.started',
      'assessment.answers_saved',
      'assessment.evidence_uploaded',
      'assessment.submitted',
      'assessment.comment_added',
      'assessment.changes_requested',
      'assessment.review_started',
    ]) {
      expect(actions).toContain(action);
    }
    expect(actions.filter((a) => a === 'assessment.viewed')).toHaveLength(1);
  });

  it('refuses the vendor page anything but its own fields', () => {
    expect(publicBodies.length).toBeGreaterThan(10);
    const leaked = [...allKeys(publicBodies)].filter((k) => internalKeys.includes(k));
    expect(leaked).toEqual([]);
  });

  it('records each transition in the audit trail with from and to', async () => {
    const rows = await t.deps.db.select().from(auditLog).orderBy(asc(auditLog.seq));
    const transitions = rows.filter((r) =>
      [
        'assessment.sent',
        'assessment.started',
        'assessment.submitted',
        'assessment.changes_requested',
        'assessment.review_started',
      ].includes(r.action),
    );
    expect(transitions.map((r) => r.action).sort()).toEqual([
      'assessment.changes_requested',
      'assessment.review_started',
      'assessment.sent',
      'assessment.started',
      'assessment.submitted',
      'assessment.submitted',
    ]);
    for (const r of transitions)
      expect(r.details).toEqual(
        expect.objectContaining({ from: expect.any(String), to: expect.any(String) }),
      );
  });
});
