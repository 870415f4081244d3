import { vendorViewSchema } from '@sightline/shared/assessments/vendor-page-api';
import type { StaffRole } from '@sightline/shared/auth/roles';
import type { FindingView } from '@sightline/shared/findings/findings-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import { expectJson } from '../../testing/typed-response';
import {
  assessmentTestApp,
  createVendor,
  freshAddress,
  json,
  tokenOf,
  vendorCall,
} from '../assessments/assessment-test-kit';
import { blockingFindings } from './findings-service';
import { submittedAssessment, weakIncidents } from './submitted-assessment';

let t: TestApp;
let vendorId: string;
/** Submitted with a knock-out (a prohibited practice) and a critical Incidents section. */
let weak: { id: string; token: string };
/** Submitted with sound answers: no finding until a reviewer flags one. */
let sound: { id: string; token: string };
beforeAll(async () => {
  t = await assessmentTestApp();
  vendorId = await createVendor(t, 'Findings Vendor Ltd');
  weak = await submittedAssessment(t, vendorId, { 'reg.prohibited_practice': 'yes', ...weakIncidents });
  sound = await submittedAssessment(t, vendorId);
});
afterAll(() => t?.close());

type Role = StaffRole;
type Api = Awaited<ReturnType<TestApp['clientAs']>>['api'];
const as = async (role: Role): Promise<Api> => (await t.clientAs(role)).api;
const call = async (path: string, role: Role, method = 'GET', body?: unknown) =>
  t.request(path, { method, cookie: await t.signInAs(role), json: body });
type ListQuery = Parameters<Api['findings']['$get']>[0]['query'];
type FlagInput = Parameters<Api['assessments'][':id']['findings']['$post']>[0]['json'];
type Move = Parameters<Api['findings'][':id']['transition']['$post']>[0]['json'];
const list = async (query: ListQuery) =>
  (await expectJson((await as('auditor')).findings.$get({ query }), 200)).items;
const flag = async (id: string, json: FlagInput, role: Role = 'reviewer') =>
  (await as(role)).assessments[':id'].findings.$post({ param: { id }, json });
const move = async (id: string, json: Move, role: Role) =>
  (await as(role)).findings[':id'].transition.$post({ param: { id }, json });
const userId = async (role: Role) => (await expectJson((await as(role)).me.$get(), 200)).user.id;

describe('findings raised by scoring', () => {
  it('turns each knock-out and each high or critical section into one finding, however often it rescores', async () => {
    const raised = await list({ assessmentId: weak.id });
    // The prohibited practice is both a knock-out and, with its weight, a weak Regulatory section.
    expect(raised.map((f) => [f.source, f.sectionId, f.severity])).toEqual([
      ['knock_out', 'regulatory', 'critical'],
      ['weak_section', 'incidents', 'critical'],
      ['weak_section', 'regulatory', 'high'],
    ]);
    const [knockOut, section] = raised as [FindingView, FindingView];
    expect(knockOut).toMatchObject({
      questionId: 'reg.prohibited_practice',
      title: 'The vendor states the service carries out a practice banned by Art. 5 of the EU AI Act.',
      answer: 'Yes',
      status: 'open',
      vendorName: 'Findings Vendor Ltd',
    });
    expect(knockOut.questionText).toMatch(/banned by Art\. 5 of the EU AI Act/);
    expect(section).toMatchObject({ sectionId: 'incidents', questionId: null });
    expect(section.title).toMatch(/^Incidents: residual risk 80/);
    expect(section.requestedAction).toContain('written process for AI-specific incidents');
    expect(section.history.map((h) => h.action)).toEqual(['raised']);

    // Rescore three times; an override that lifts the section does not resolve its finding either.
    const reason = 'Seen their runbook in a call';
    const reviewer = await as('reviewer');
    for (const questionId of ['inc.process', 'inc.output_reports'])
      await expectJson(
        reviewer.assessments[':id'].overrides.$post({
          param: { id: weak.id },
          json: { questionId, points: 1, reason },
        }),
        200,
      );
    await expectJson(
      reviewer.assessments[':id'].overrides[':questionId'].$delete({
        param: { id: weak.id, questionId: 'inc.process' },
        json: {},
      }),
      200,
    );
    const after = await list({ assessmentId: weak.id });
    expect(after.map((f) => [f.id, f.status, f.history.length])).toEqual(
      raised.map((f) => [f.id, 'open', 1]),
    );
    const detail = await expectJson(reviewer.assessments[':id'].$get({ param: { id: weak.id } }), 200);
    expect(detail.findings.map((f) => f.id)).toEqual(raised.map((f) => f.id));
    expect(await list({ assessmentId: sound.id })).toEqual([]);
  });
});

describe('reviewer flags', () => {
  it('flags a question once, with the answer in words; twice is a 409, and only reviewers may', async () => {
    expect((await flag(sound.id, { questionId: 'sec.secrets' }, 'procurement')).status).toBe(403);
    expect((await flag(sound.id, { questionId: 'no.such_question' })).status).toBe(400);
    const created = await expectJson(flag(sound.id, { questionId: 'sec.secrets', severity: 'high' }), 201);
    expect(created).toMatchObject({
      source: 'reviewer',
      questionId: 'sec.secrets',
      severity: 'high',
      status: 'open',
      answer: 'Yes',
    });
    expect(created.title).toBe(created.questionText);
    expect(created.history).toEqual([
      expect.objectContaining({ action: 'flagged', by: 'Test reviewer', toStatus: 'open' }),
    ]);
    expect((await flag(sound.id, { questionId: 'sec.secrets' })).status).toBe(409);
    expect((await list({ assessmentId: sound.id })).map((f) => f.id)).toEqual([created.id]);
  });
});

describe('working a finding', () => {
  it('moves through remediation, resolution and risk acceptance, each by the right role', async () => {
    const f = await expectJson(flag(sound.id, { questionId: 'sec.tenant_isolation' }), 201);
    expect((await move(f.id, { event: 'start_remediation' }, 'approver')).status).toBe(403);
    expect((await move(f.id, { event: 'start_remediation' }, 'procurement')).status).toBe(403);
    expect((await expectJson(move(f.id, { event: 'start_remediation' }, 'reviewer'), 200)).status).toBe(
      'in_remediation',
    );
    expect((await move(f.id, { event: 'start_remediation' }, 'reviewer')).status).toBe(409);
    const accept = { event: 'accept_risk', note: 'Isolation is contractual; accepted for one year' };
    expect((await move(f.id, accept, 'reviewer')).status).toBe(403);
    expect((await move(f.id, { event: 'accept_risk' }, 'approver')).status).toBe(400);
    expect((await move(f.id, { event: 'accept_risk', note: 'ok' }, 'approver')).status).toBe(400);
    const accepted = await expectJson(move(f.id, accept, 'approver'), 200);
    expect(accepted).toMatchObject({
      status: 'risk_accepted',
      acceptedBy: 'Test approver',
      acceptedReason: 'Isolation is contractual; accepted for one year',
    });
    expect((await move(f.id, { event: 'resolve' }, 'reviewer')).status).toBe(409);
    const reopened = await expectJson(
      move(f.id, { event: 'reopen', note: 'Contract not signed' }, 'reviewer'),
      200,
    );
    expect(reopened).toMatchObject({ status: 'open', acceptedBy: null, acceptedReason: null });
    const resolved = await expectJson(move(f.id, { event: 'resolve' }, 'admin'), 200);
    expect(resolved.history.map((h) => [h.action, h.fromStatus, h.toStatus])).toEqual([
      ['flagged', null, 'open'],
      ['start_remediation', 'open', 'in_remediation'],
      ['accept_risk', 'in_remediation', 'risk_accepted'],
      ['reopen', 'risk_accepted', 'open'],
      ['resolve', 'open', 'resolved'],
    ]);
    const audit = await expectJson(
      (await as('auditor')).audit.$get({ query: { targetType: 'finding', targetId: f.id } }),
      200,
    );
    expect(audit.items.filter((e) => e.targetId === f.id).map((e) => e.action)).toEqual(
      expect.arrayContaining(['finding.flagged', 'finding.accept_risk', 'finding.reopen', 'finding.resolve']),
    );
  });

  it('takes an active staff owner and a due date, and lists the finding as overdue once that day has passed', async () => {
    const f = await expectJson(flag(sound.id, { questionId: 'sec.activity_logs' }), 201);
    type Patch = Parameters<Api['findings'][':id']['$patch']>[0]['json'];
    const patch = async (json: Patch, role: Role = 'reviewer') =>
      (await as(role)).findings[':id'].$patch({ param: { id: f.id }, json });
    expect((await patch({ ownerId: await userId('viewer') })).status).toBe(400);
    expect((await patch({ ownerId: 'nobody' })).status).toBe(400);
    expect((await patch({ dueOn: '2001-01-01' })).status).toBe(400);
    expect((await patch({})).status).toBe(400);
    expect((await patch({ dueOn: null }, 'auditor')).status).toBe(403);
    const owner = await userId('reviewer');
    const due = new Date(t.clock.now().getTime() + 3 * 86_400_000).toISOString().slice(0, 10);
    const updated = await expectJson(
      patch({ ownerId: owner, dueOn: due, requestedAction: 'Send the log retention policy' }, 'procurement'),
      200,
    );
    expect(updated).toMatchObject({ ownerId: owner, ownerName: 'Test reviewer', dueOn: due, overdue: false });
    expect(updated.history.at(-1)).toMatchObject({ action: 'updated', by: 'Test procurement' });
    expect((await list({ overdue: 'true' })).map((x) => x.id)).not.toContain(f.id);
    expect((await list({ ownerId: owner })).map((x) => x.id)).toEqual([f.id]);

    t.clock.advanceDays(5);
    const overdue = await list({ overdue: 'true' });
    expect(overdue.map((x) => x.id)).toEqual([f.id]);
    expect(overdue[0]!.overdue).toBe(true);
    expect((await list({ overdue: 'false' })).map((x) => x.id)).not.toContain(f.id);
    await expectJson(move(f.id, { event: 'resolve' }, 'reviewer'), 200);
    expect(await list({ overdue: 'true' })).toEqual([]);
  });
});

describe('findings sent to the vendor', () => {
  it("puts the finding beside its question on the vendor's page in the next changes-requested round", async () => {
    const [section] = await list({ assessmentId: weak.id, source: 'weak_section' });
    expect((await call(`/api/findings/${section!.id}/send-to-vendor`, 'reviewer', 'POST')).status).toBe(409);
    const f = await expectJson(
      flag(sound.id, {
        questionId: 'sec.prompt_injection',
        title: 'No prompt-injection testing shown',
        requestedAction: 'Send your latest red-team report',
      }),
      201,
    );
    const path = `/api/findings/${f.id}/send-to-vendor`;
    expect((await call(path, 'procurement', 'POST')).status).toBe(403);
    const sent = await expectJson(
      (await as('reviewer')).findings[':id']['send-to-vendor'].$post({ param: { id: f.id } }),
      200,
    );
    expect(sent.status).toBe('in_remediation');
    expect(sent.sentToVendorAt).not.toBeNull();
    expect((await call(path, 'reviewer', 'POST')).status).toBe(409);

    // The round goes out with a fresh link (the old one is superseded).
    const round = await expectJson(
      (await as('reviewer')).assessments[':id']['request-changes'].$post({
        param: { id: sound.id },
        json: {},
      }),
      200,
    );
    // The vendor page's call goes by link, outside the staff client: read with its shared schema.
    const page = vendorViewSchema.parse(
      await json(
        await vendorCall(t, tokenOf(round.link!), '/api/vendor/assessment', { from: freshAddress() }),
        200,
      ),
    );
    expect(page.reviewComments).toEqual([
      expect.objectContaining({
        questionId: 'sec.prompt_injection',
        comment: 'No prompt-injection testing shown\n\nSend your latest red-team report',
      }),
    ]);
    expect(page.editableQuestionIds).toEqual(['sec.prompt_injection']);
  });
});

describe('findings on the vendor and for the decision', () => {
  it('lists them on the vendor and names those that still block an approval', async () => {
    const vendor = await expectJson(
      (await as('approver')).vendors[':id'].$get({ param: { id: vendorId } }),
      200,
    );
    const all = await list({ vendorId });
    expect(vendor.findings.map((f) => f.id).sort()).toEqual(all.map((f) => f.id).sort());
    expect(all.length).toBeGreaterThan(3);

    const open = await list({ assessmentId: weak.id, status: 'blocking' });
    expect(open).toHaveLength(3);
    const [first, second, third] = open as [FindingView, FindingView, FindingView];
    const accept = { event: 'accept_risk', note: 'Legal confirmed the use is out of scope' };
    await expectJson(move(first.id, accept, 'approver'), 200);
    await expectJson(move(second.id, { event: 'start_remediation' }, 'reviewer'), 200);
    await expectJson(move(third.id, { event: 'resolve' }, 'reviewer'), 200);
    // In remediation still blocks; accepted and resolved findings do not.
    expect(await blockingFindings(t.deps.db, weak.id)).toEqual([{ id: second.id, title: second.title }]);
    await json(await move(second.id, { event: 'resolve' }, 'reviewer'), 200);
    expect(await blockingFindings(t.deps.db, weak.id)).toEqual([]);
    const accepted = await list({ vendorId, status: 'risk_accepted' });
    expect(accepted.map((f) => f.id)).toEqual([first.id]);
    expect((await call('/api/findings', 'viewer')).status).toBe(403);
  });
});
