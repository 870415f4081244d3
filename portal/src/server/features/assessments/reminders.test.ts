import { assessment } from '@sightline/db/schema/assessments';
import { emailOutbox } from '@sightline/db/schema/mail';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import {
  assessmentTestApp,
  completeAnswers,
  createVendor,
  freshAddress,
  json,
  sendAssessment,
  vendorCall,
} from './assessment-test-kit';
import { runAssessmentSchedule, sendDueReminders } from './reminders';

// A fixed start so "N days before the due date" lands on known days.
const START = new Date('2026-03-01T09:00:00Z');
let t: TestApp;
let vendorId: string;

beforeAll(async () => {
  t = await assessmentTestApp({ start: START });
  vendorId = await createVendor(t);
});
afterAll(() => t?.close());
beforeEach(() => {
  t.clock.set(START);
});

async function reminderMails(assessmentId: string) {
  const rows = await t.deps.db
    .select({
      purpose: emailOutbox.purpose,
      text: emailOutbox.textBody,
      link: emailOutbox.secretLink,
      status: emailOutbox.status,
    })
    .from(emailOutbox)
    .where(eq(emailOutbox.relatedId, assessmentId));
  return rows.filter((r) => r.purpose.startsWith('assessment.reminder'));
}

const linkIn = (text: string) => text.match(/\/v#([A-Za-z0-9_-]{43})/)?.[1] ?? '';
const status = async (token: string) =>
  (await vendorCall(t, token, '/api/vendor/assessment', { from: freshAddress() })).status;

/** Runs one scheduler tick on the given day at 06:00 UTC. */
async function tickOn(day: string) {
  t.clock.set(new Date(`${day}T06:00:00Z`));
  return runAssessmentSchedule(t.serviceDeps());
}

describe('reminders', () => {
  it('sends 7, 3 and 1 days before the due date, once each, each with a fresh link that replaces the last', async () => {
    const { id, token } = await sendAssessment(t, vendorId, { dueOn: '2026-03-20' });
    const days = [
      '2026-03-02',
      '2026-03-12',
      '2026-03-13',
      '2026-03-13',
      '2026-03-15',
      '2026-03-17',
      '2026-03-18',
      '2026-03-19',
      '2026-03-19',
      '2026-03-20',
      '2026-03-21',
    ];
    // Each reminder's link waits in the outbox only until the next one replaces it.
    const seen = new Set<string>();
    for (const day of days) {
      await tickOn(day);
      for (const m of await reminderMails(id)) if (m.link) seen.add(linkIn(m.link));
    }
    const mails = await reminderMails(id);
    expect(mails.map((m) => m.purpose)).toEqual([
      'assessment.reminder.7',
      'assessment.reminder.3',
      'assessment.reminder.1',
    ]);
    expect(mails[2]!.text).toMatch(/due tomorrow/);
    expect(mails.map((m) => [m.status, m.link === null])).toEqual([
      ['cancelled', true],
      ['cancelled', true],
      ['pending', false],
    ]);
    const tokens = [...seen];
    expect(new Set([token, ...tokens]).size).toBe(4);
    expect(await status(token)).toBe(410);
    expect(await status(tokens[0]!)).toBe(410);
    expect(await status(tokens[1]!)).toBe(410);
    expect(await status(tokens[2]!)).toBe(200);
  });

  it('after missed ticks sends only the most urgent reminder and never the skipped ones later', async () => {
    const { id } = await sendAssessment(t, vendorId, { dueOn: '2026-03-20' });
    await tickOn('2026-03-18'); // 7 and 3 were both missed: only the 3-day one goes out
    await tickOn('2026-03-18');
    let mails = await reminderMails(id);
    expect(mails.map((m) => m.purpose)).toEqual(['assessment.reminder.3']);
    const [row] = await t.deps.db.select().from(assessment).where(eq(assessment.id, id));
    expect(row!.reminder7SentAt).not.toBeNull();
    await tickOn('2026-03-19');
    mails = await reminderMails(id);
    expect(mails.map((m) => m.purpose)).toEqual(['assessment.reminder.3', 'assessment.reminder.1']);
  });

  it('covers reminders already due when the link is sent', async () => {
    const { id } = await sendAssessment(t, vendorId, { dueOn: '2026-03-03' });
    await tickOn('2026-03-01');
    await tickOn('2026-03-02');
    expect((await reminderMails(id)).map((m) => m.purpose)).toEqual(['assessment.reminder.1']);
  });

  it('sends exactly one mail per reminder when two instances tick at the same moment', async () => {
    const sent = await Promise.all([1, 2, 3].map(() => sendAssessment(t, vendorId, { dueOn: '2026-03-20' })));
    t.clock.set(new Date('2026-03-13T06:00:00Z'));
    const counts = await Promise.all([
      sendDueReminders(t.serviceDeps()),
      sendDueReminders(t.serviceDeps()),
      sendDueReminders(t.serviceDeps()),
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
    for (const { id } of sent)
      expect((await reminderMails(id)).map((m) => m.purpose)).toEqual(['assessment.reminder.7']);
  });

  it('sends none after submission, revocation or expiry', async () => {
    const submitted = await sendAssessment(t, vendorId, { dueOn: '2026-03-20' });
    const view = await json<{ template: Parameters<typeof completeAnswers>[0] }>(
      await vendorCall(t, submitted.token, '/api/vendor/assessment', { from: freshAddress() }),
      200,
    );
    await json(
      await vendorCall(t, submitted.token, '/api/vendor/answers', {
        method: 'PUT',
        json: { answers: completeAnswers(view.template) },
        from: freshAddress(),
      }),
      200,
    );
    await json(
      await vendorCall(t, submitted.token, '/api/vendor/submit', { method: 'POST', from: freshAddress() }),
      200,
    );

    const revoked = await sendAssessment(t, vendorId, { dueOn: '2026-03-20' });
    const cookie = await t.signInAs('procurement');
    await json(
      await t.request(`/api/assessments/${revoked.id}/revoke`, { method: 'POST', cookie, json: {} }),
      200,
    );

    const expiring = await sendAssessment(t, vendorId, { dueOn: '2026-03-02' });
    for (const day of ['2026-03-13', '2026-03-17', '2026-03-19', '2026-03-20']) await tickOn(day);
    for (const { id } of [submitted, revoked, expiring]) expect(await reminderMails(id)).toEqual([]);
    const [row] = await t.deps.db.select().from(assessment).where(eq(assessment.id, expiring.id));
    expect(row!.state).toBe('expired');
  });

  it('keeps reminder mails in the outbox with their purpose for staff to see', async () => {
    const rows = await t.deps.db
      .select()
      .from(emailOutbox)
      .where(like(emailOutbox.purpose, 'assessment.reminder.%'));
    expect(rows.length).toBeGreaterThan(0);
    // Still queued; those whose link a later reminder replaced are cancelled rather than sent late.
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['pending', 'cancelled']));
  });
});
