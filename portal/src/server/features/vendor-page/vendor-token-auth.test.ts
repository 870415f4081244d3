import { assessmentToken } from '@sightline/db/schema/assessments';
import { auditLog } from '@sightline/db/schema/audit';
import { emailOutbox } from '@sightline/db/schema/mail';
import { throttleBucket } from '@sightline/db/schema/throttle';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import {
  assessmentTestApp,
  createVendor,
  freshAddress,
  json,
  sendAssessment,
  tokenOf,
  vendorCall,
} from '../assessments/assessment-test-kit';
import { runAssessmentSchedule } from '../assessments/reminders';
import { samplePdf } from '../evidence/sample-files';
import { VENDOR_TOKEN_THROTTLE, VENDOR_TOKEN_USE_THROTTLE } from './vendor-token-auth';

let t: TestApp;
let vendorId: string;
const consoleLines: string[] = [];

beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleLines.push(args.map(String).join(' '));
    });
  }
  t = await assessmentTestApp();
  vendorId = await createVendor(t);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await t?.close();
});

const view = (token: string, from = freshAddress()) =>
  vendorCall(t, token, '/api/vendor/assessment', { from });

describe('vendor link tokens', () => {
  it('opens the questionnaire with a valid token', async () => {
    const { token } = await sendAssessment(t, vendorId);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const body = await json<{ assessment: { state: string } }>(await view(token), 200);
    expect(body.assessment.state).toBe('sent');
  });

  it('answers unknown, malformed and missing tokens with the same 404 body', async () => {
    const from = freshAddress();
    const unknown = await vendorCall(t, 'A'.repeat(43), '/api/vendor/assessment', { from });
    const malformed = await vendorCall(t, 'not a token!', '/api/vendor/assessment', { from });
    const tooLong = await vendorCall(t, 'A'.repeat(44), '/api/vendor/assessment', { from });
    const missing = await t.request('/api/vendor/assessment', { headers: { 'x-forwarded-for': from } });
    const bodies = await Promise.all([unknown, malformed, tooLong, missing].map((r) => r.text()));
    for (const res of [unknown, malformed, tooLong, missing]) expect(res.status).toBe(404);
    expect(new Set(bodies).size).toBe(1);
  });

  it('ignores a token in the query string', async () => {
    const { token } = await sendAssessment(t, vendorId);
    const res = await t.request(`/api/vendor/assessment?token=${token}`, {
      headers: { 'x-forwarded-for': freshAddress() },
    });
    expect(res.status).toBe(404);
  });

  it('answers a superseded token with 410 naming whom to contact', async () => {
    const { id, token } = await sendAssessment(t, vendorId);
    const cookie = await t.signInAs('procurement');
    const resent = await json<{ link: string }>(
      await t.request(`/api/assessments/${id}/resend`, { method: 'POST', cookie, json: {} }),
      200,
    );
    const old = await json<{ error: { code: string; message: string } }>(await view(token), 410);
    expect(old.error.code).toBe('gone');
    expect(old.error.message).toMatch(/replaced by a newer one/);
    expect(old.error.message).toContain('Test procurement <procurement@example.test>');
    await json(await view(tokenOf(resent.link)), 200);
  });

  it('answers a revoked assessment with 410', async () => {
    const { id, token } = await sendAssessment(t, vendorId);
    const cookie = await t.signInAs('procurement');
    await json(
      await t.request(`/api/assessments/${id}/revoke`, {
        method: 'POST',
        cookie,
        json: { reason: 'duplicate' },
      }),
      200,
    );
    const body = await json<{ error: { message: string } }>(await view(token), 410);
    expect(body.error.message).toMatch(/withdrawn/);
    expect(body.error.message).toContain('procurement@example.test');
  });

  it('answers 410 once the due date and grace have passed, even before the scheduler runs', async () => {
    const start = t.clock.now();
    const { id, token } = await sendAssessment(t, vendorId, {
      dueOn: new Date(start.getTime() + 2 * 86_400_000).toISOString().slice(0, 10),
    });
    try {
      t.clock.advanceDays(2 + 14 + 2);
      expect((await json<{ error: { message: string } }>(await view(token), 410)).error.message).toMatch(
        /expired/,
      );
      await runAssessmentSchedule(t.serviceDeps());
      const cookie = await t.signInAs('procurement');
      const detail = await json<{ assessment: { state: string } }>(
        await t.request(`/api/assessments/${id}`, { cookie }),
        200,
      );
      expect(detail.assessment.state).toBe('expired');
      await json(await view(token), 410);
    } finally {
      t.clock.set(start);
    }
  });

  it('never lets one assessment’s token read or change another’s', async () => {
    const a = await sendAssessment(t, vendorId);
    const otherVendor = await createVendor(t, 'Other AI GmbH');
    const b = await sendAssessment(t, otherVendor, { respondentEmail: 'bob@other.example' });
    const form = new FormData();
    form.set('questionId', 'evd.pen_test');
    form.set('file', new Blob([new Uint8Array(samplePdf())]), 'pentest.pdf');
    const uploaded = await json<{ id: string }>(
      await vendorCall(t, b.token, '/api/vendor/evidence', {
        method: 'POST',
        body: form,
        from: freshAddress(),
      }),
      201,
    );
    const viewA = await json<{ assessment: { vendorName: string }; evidence: unknown[] }>(
      await view(a.token),
      200,
    );
    expect(viewA.assessment.vendorName).toBe('Acme AI Ltd');
    expect(viewA.evidence).toEqual([]);
    // A's token cannot remove B's file even knowing its id.
    const del = await vendorCall(t, a.token, `/api/vendor/evidence/${uploaded.id}`, {
      method: 'DELETE',
      from: freshAddress(),
    });
    expect(del.status).toBe(404);
    const viewB = await json<{ evidence: { id: string }[] }>(await view(b.token), 200);
    expect(viewB.evidence.map((e) => e.id)).toEqual([uploaded.id]);
  });

  it('rate-limits failed look-ups per address with 429, for valid tokens too, and leaves other addresses alone', async () => {
    const { token } = await sendAssessment(t, vendorId);
    const attacker = freshAddress();
    for (let i = 0; i < VENDOR_TOKEN_THROTTLE.limit; i++) {
      const res = await vendorCall(t, `${'B'.repeat(42)}${i % 10}`, '/api/vendor/assessment', {
        from: attacker,
      });
      expect(res.status).toBe(404);
    }
    const blocked = await vendorCall(t, 'C'.repeat(43), '/api/vendor/assessment', { from: attacker });
    expect(blocked.status).toBe(429);
    expect((await vendorCall(t, token, '/api/vendor/assessment', { from: attacker })).status).toBe(429);
    expect((await view(token)).status).toBe(200);
    t.clock.set(new Date(t.clock.now().getTime() + VENDOR_TOKEN_THROTTLE.windowMs + 1000));
    expect((await vendorCall(t, token, '/api/vendor/assessment', { from: attacker })).status).toBe(200);
  });

  it('caps the requests one valid link can make, and marks answers as not cacheable', async () => {
    const { id, token } = await sendAssessment(t, vendorId);
    const ok = await view(token);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    const [row] = await t.deps.db.select().from(assessmentToken).where(eq(assessmentToken.assessmentId, id));
    await t.deps.db
      .update(throttleBucket)
      .set({ hits: VENDOR_TOKEN_USE_THROTTLE.limit })
      .where(eq(throttleBucket.key, `vendor-token-use:${row!.id}`));
    expect((await view(token)).status).toBe(429);
  });

  it('never writes a token to the audit trail, the console or an error', async () => {
    const { token } = await sendAssessment(t, vendorId);
    await view(token);
    await vendorCall(t, token, '/api/vendor/answers', {
      method: 'PUT',
      json: { answers: { 'profile.purpose': { value: 'Drafting' } } },
      from: freshAddress(),
    });
    const entries = JSON.stringify(await t.deps.db.select().from(auditLog));
    expect(entries).not.toContain(token);
    expect(consoleLines.join('\n')).not.toContain(token);
    const mails = await t.deps.db.select().from(emailOutbox);
    // Only the unsent mail carries the link, beside its text.
    expect(mails.some((m) => m.secretLink?.includes(token))).toBe(true);
    expect(mails.some((m) => m.textBody.includes(token))).toBe(false);
  });
});
