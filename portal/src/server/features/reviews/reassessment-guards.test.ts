import { assessment, assessmentAnswer } from '@sightline/db/schema/assessments';
import { auditLog } from '@sightline/db/schema/audit';
import type { storedFile } from '@sightline/db/schema/files';
import { accessRequest } from '@sightline/db/schema/usage';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import { errorOf } from '../../testing/typed-response';
import {
  assessmentTestApp,
  freshAddress,
  json,
  tokenOf,
  vendorCall,
} from '../assessments/assessment-test-kit';
import {
  countRows,
  decidedAssessment,
  dueInDays,
  startInvalidReassessment,
  startReassessment,
} from './review-test-kit';

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

describe('start reassessment: what it refuses', () => {
  it('refuses a second cycle while one is under way (409), from either path, and changes nothing', async () => {
    const first = await decidedAssessment(t, { serviceId: 'google-gemini' });
    t.clock.advanceDays(1);
    await json(await reassess(first.id), 201);
    const before = await rows(assessment);
    const again = await reassess(first.id);
    expect(again.status).toBe(409);
    expect((await errorOf(again)).error.message).toMatch(/already under way/);
    const direct = await t.request('/api/assessments', {
      method: 'POST',
      cookie: await t.signInAs('procurement'),
      json: {
        serviceId: 'google-gemini',
        respondentName: 'V',
        respondentEmail: 'v@example.com',
        dueOn: dueInDays(t, 10),
      },
    });
    expect(direct.status).toBe(409);
    // From an employee's access request for the same service: refused too, and the request stays open.
    const [request] = await t.deps.db
      .insert(accessRequest)
      .values({
        clientRequestId: crypto.randomUUID(),
        serviceId: 'google-gemini',
        justification: 'Summaries',
        intendedUse: 'Meeting notes',
      })
      .returning();
    const fromRequest = await t.request('/api/assessments', {
      method: 'POST',
      cookie: await t.signInAs('procurement'),
      json: {
        accessRequestId: request!.id,
        vendorId: first.vendorId,
        respondentName: 'V',
        respondentEmail: 'v@example.com',
        dueOn: dueInDays(t, 10),
      },
    });
    expect(fromRequest.status).toBe(409);
    const [after] = await t.deps.db.select().from(accessRequest).where(eq(accessRequest.id, request!.id));
    expect(after).toMatchObject({ status: 'open', assessmentId: null });
    expect(await rows(assessment)).toBe(before);
  });

  it('two reassessments started at once make one cycle', async () => {
    const first = await decidedAssessment(t, { serviceId: 'mistral-le-chat' });
    t.clock.advanceDays(1);
    const before = await rows(assessment);
    const results = await Promise.all([reassess(first.id), reassess(first.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await rows(assessment)).toBe(before + 1);
  });

  it('bad input is a 4xx and changes nothing', async () => {
    const first = await decidedAssessment(t, { serviceId: 'deepseek-chat' });
    t.clock.advanceDays(1);
    const started = await json<{ id: string; link: string }>(await reassess(first.id), 201);
    const token = tokenOf(started.link);
    const assessmentsBefore = await rows(assessment);
    const auditCount = async () => (await t.deps.db.select({ n: count() }).from(auditLog))[0]!.n;
    const auditBefore = await auditCount();
    for (const body of [
      {},
      { dueOn: '2020-01-01' },
      { dueOn: 'soon' },
      { dueOn: dueInDays(t, 10), extra: 1 },
    ]) {
      expect((await startInvalidReassessment(t, first.id, body)).status).toBe(400);
    }
    expect((await reassess('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const badId = await t.request('/api/assessments/not-an-id/reassessment', {
      method: 'POST',
      cookie: await t.signInAs('procurement'),
      json: { dueOn: dueInDays(t, 10) },
    });
    expect(badId.status).toBe(400);
    // Only a decided assessment starts a new cycle.
    expect((await reassess(started.id)).status).toBe(409);
    // Confirming nothing, something that was not carried over, or with a wrong body.
    for (const body of [{ questionIds: [] }, { questionIds: ['no.such_question'] }, { ids: ['x'] }]) {
      const res = await vendorCall(t, token, '/api/vendor/answers/confirm', {
        method: 'POST',
        json: body,
        from: freshAddress(),
      });
      expect(res.status).toBe(400);
    }
    for (const body of [
      { kind: 'new_owner', description: 'x' },
      { kind: 'region', description: '  ' },
    ]) {
      const res = await vendorCall(t, token, '/api/vendor/material-changes', {
        method: 'POST',
        json: body,
        from: freshAddress(),
      });
      expect(res.status).toBe(400);
    }
    const cookie = await t.signInAs('reviewer');
    for (const body of [
      { occurredOn: dueInDays(t, -1), description: 'x', severity: 'apocalyptic', source: 'news' },
      { occurredOn: dueInDays(t, 5), description: 'Future', severity: 'low', source: 'news' },
      { occurredOn: dueInDays(t, -1), description: '', severity: 'low', source: 'news' },
      { occurredOn: dueInDays(t, -1), description: 'x', severity: 'low', source: 'rumour' },
    ]) {
      const res = await t.request(`/api/vendors/${first.vendorId}/incidents`, {
        method: 'POST',
        cookie,
        json: body,
      });
      expect(res.status).toBe(400);
    }
    const missingVendor = await t.request('/api/vendors/00000000-0000-4000-8000-000000000000/incidents', {
      method: 'POST',
      cookie,
      json: { occurredOn: dueInDays(t, -1), description: 'x', severity: 'low', source: 'news' },
    });
    expect(missingVendor.status).toBe(404);
    expect(await rows(assessment)).toBe(assessmentsBefore);
    const confirmed = await t.deps.db
      .select({ n: count() })
      .from(assessmentAnswer)
      .where(eq(assessmentAnswer.assessmentId, started.id));
    const stillPrefilled = await t.deps.db
      .select({ state: assessmentAnswer.carriedState })
      .from(assessmentAnswer)
      .where(eq(assessmentAnswer.assessmentId, started.id));
    expect(confirmed[0]!.n).toBeGreaterThan(0);
    expect(new Set(stillPrefilled.map((r) => r.state))).toEqual(new Set(['prefilled']));
    expect(await auditCount()).toBe(auditBefore);
  });
});
