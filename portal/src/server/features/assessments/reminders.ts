import { assessment } from '@sightline/db/schema/assessments';
import { awaitingVendorStates } from '@sightline/shared/assessments/assessment-transitions';
import { addDays, daysBetween, utcDay } from '@sightline/shared/assessments/dates';
import { and, eq, gt, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';
import { enqueueMail } from '../../mail/outbox';
import type { AssessmentDeps } from './assessment-deps';
import { reminderMail } from './assessment-mail';
import { applyTransition, lockAssessment } from './assessment-records';
import { mailContextFor } from './mail-context';
import { planReminder, type ReminderDay, reminderDays, stampKey } from './reminder-plan';
import { issueToken, vendorMailLink } from './tokens';

const system: Actor = { type: 'system' };

const stampColumn = {
  7: assessment.reminder7SentAt,
  3: assessment.reminder3SentAt,
  1: assessment.reminder1SentAt,
} as const;

/** The scheduler's tick: expire what is overdue, then send the reminders that are due. */
export async function runAssessmentSchedule(deps: AssessmentDeps) {
  const expired = await expireOverdue(deps);
  const reminded = await sendDueReminders(deps);
  return { expired, reminded };
}

/**
 * Sends due reminders. Each is claimed with a conditional UPDATE (… WHERE reminder_N_sent_at IS
 * NULL RETURNING) inside the transaction that issues its token and queues its mail: when two
 * portal instances tick at once, the second finds the stamp set and sends nothing.
 */
export async function sendDueReminders(deps: AssessmentDeps): Promise<number> {
  const { now } = deps;
  const today = utcDay(now);
  const candidates = await deps.db
    .select()
    .from(assessment)
    .where(
      and(
        inArray(assessment.state, [...awaitingVendorStates]),
        gte(assessment.dueOn, today),
        lte(assessment.dueOn, addDays(today, Math.max(...reminderDays))),
        or(
          isNull(assessment.reminder7SentAt),
          isNull(assessment.reminder3SentAt),
          isNull(assessment.reminder1SentAt),
        ),
      ),
    );
  let sent = 0;
  for (const candidate of candidates) {
    const plan = planReminder(candidate, today);
    if (!plan) continue;
    const done = await deps.db.transaction(async (tx) => {
      const skipped = Object.fromEntries(
        plan.skip.map((day) => [
          stampKey(day),
          sql`coalesce(${stampColumn[day]}, ${now.toISOString()}::timestamptz)`,
        ]),
      );
      const [claimed] = await tx
        .update(assessment)
        .set({ [stampKey(plan.send)]: now, ...skipped })
        .where(
          and(
            eq(assessment.id, candidate.id),
            isNull(stampColumn[plan.send]),
            eq(assessment.dueOn, candidate.dueOn),
            inArray(assessment.state, [...awaitingVendorStates]),
            or(isNull(assessment.expiresAt), gt(assessment.expiresAt, now)),
          ),
        )
        .returning();
      if (!claimed) return false;
      await remind(deps, tx, claimed, plan.send, plan.skip, now);
      return true;
    });
    if (done) sent += 1;
  }
  return sent;
}

async function remind(
  deps: AssessmentDeps,
  tx: Parameters<Parameters<AssessmentDeps['db']['transaction']>[0]>[0],
  row: typeof assessment.$inferSelect,
  day: ReminderDay,
  skipped: ReminderDay[],
  now: Date,
) {
  // Each reminder carries a fresh link and the previous one stops working: a forwarded or leaked
  // older mail is worth less the longer a questionnaire stays open.
  const issued = await issueToken(tx, {
    assessmentId: row.id,
    kind: 'reminder',
    name: row.respondentName,
    email: row.respondentEmail,
    now,
  });
  const ctx = await mailContextFor(tx, row, deps.env.MAIL_FROM);
  const mail = reminderMail(
    ctx,
    { name: row.respondentName, email: row.respondentEmail },
    vendorMailLink(deps.env.PUBLIC_URL, issued),
    daysBetween(utcDay(now), row.dueOn),
  );
  const mailId = await enqueueMail(tx, { ...mail, purpose: `assessment.reminder.${day}` });
  await recordAudit(tx, {
    actor: system,
    action: 'assessment.reminder_sent',
    targetType: 'assessment',
    targetId: row.id,
    details: {
      days: day,
      skipped,
      tokenId: issued.tokenId,
      supersededTokenIds: issued.supersededIds,
      mailId,
    },
    at: now,
  });
}

/** Questionnaires still open past their due date plus grace become expired; their links answer 410. */
export async function expireOverdue(deps: AssessmentDeps): Promise<number> {
  const { now } = deps;
  const overdue = await deps.db
    .select({ id: assessment.id })
    .from(assessment)
    .where(and(inArray(assessment.state, [...awaitingVendorStates]), lte(assessment.expiresAt, now)));
  let expired = 0;
  for (const { id } of overdue) {
    const done = await deps.db.transaction(async (tx) => {
      const row = await lockAssessment(tx, id);
      if (!awaitingVendorStates.includes(row.state) || !row.expiresAt || row.expiresAt > now) return false;
      await applyTransition(tx, row, 'expire', system, now, { details: { dueOn: row.dueOn } });
      return true;
    });
    if (done) expired += 1;
  }
  return expired;
}
