import type { DbOrTx } from '@sightline/db/client';
import { assessment } from '@sightline/db/schema/assessments';
import { user } from '@sightline/db/schema/auth';
import { orgSettings } from '@sightline/db/schema/org';
import { vendor } from '@sightline/db/schema/vendors';
import { type AssessmentEvent, transition } from '@sightline/shared/assessments/assessment-transitions';
import { addDays, utcDay } from '@sightline/shared/assessments/dates';
import { parseTemplate, type Template } from '@sightline/shared/questionnaire/template-schema';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';
import { AppError } from '../../errors';

export type AssessmentRow = typeof assessment.$inferSelect;

/** Reads the row and locks it for the rest of the transaction, so concurrent changes queue up. */
export async function lockAssessment(tx: DbOrTx, id: string): Promise<AssessmentRow> {
  const [row] = await tx.select().from(assessment).where(eq(assessment.id, id)).for('update');
  if (!row) throw new AppError('not_found', 'No assessment with this id');
  return row;
}

/**
 * Moves an assessment through the shared transition table and records the move in the audit trail,
 * in the caller's transaction. A refused move is a 409 and changes nothing.
 */
export async function applyTransition(
  tx: DbOrTx,
  row: AssessmentRow,
  event: AssessmentEvent,
  actor: Actor,
  now: Date,
  extra: { set?: Partial<typeof assessment.$inferInsert>; details?: Record<string, unknown> } = {},
): Promise<AssessmentRow> {
  const result = transition(row.state, event);
  if (!result.ok) throw new AppError('conflict', capitalise(result.reason));
  const [updated] = await tx
    .update(assessment)
    .set({ ...extra.set, state: result.to, updatedAt: now })
    .where(eq(assessment.id, row.id))
    .returning();
  await recordAudit(tx, {
    actor,
    action: `assessment.${auditVerb[event]}`,
    targetType: 'assessment',
    targetId: row.id,
    details: { from: row.state, to: result.to, ...extra.details },
    at: now,
  });
  return updated!;
}

const auditVerb: Record<AssessmentEvent, string> = {
  send: 'sent',
  start: 'started',
  submit: 'submitted',
  request_changes: 'changes_requested',
  start_review: 'review_started',
  decide: 'decided',
  expire: 'expired',
  revoke: 'revoked',
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The questions as sent. Only sent assessments have one; a draft reads its template instead. */
export function snapshotOf(row: AssessmentRow): Template {
  const parsed = parseTemplate(row.questionsSnapshot);
  if (!parsed.ok) throw new AppError('conflict', 'This assessment has no valid questionnaire snapshot');
  return parsed.template;
}

/**
 * When the link stops working: the end of the due date plus the org's grace days (whole UTC days),
 * so "due 1 March" with 14 days' grace still works all of 15 March.
 */
export async function expiryFor(tx: DbOrTx, dueOn: string): Promise<Date> {
  const [settings] = await tx.select({ grace: orgSettings.assessmentGraceDays }).from(orgSettings).limit(1);
  const grace = settings?.grace ?? 14;
  return new Date(`${addDays(dueOn, grace + 1)}T00:00:00Z`);
}

export async function organisationName(tx: DbOrTx): Promise<string> {
  const [settings] = await tx.select({ name: orgSettings.name }).from(orgSettings).limit(1);
  return settings?.name ?? 'Our organisation';
}

/** Whom the vendor should contact: the staff member who created the assessment. */
export async function senderOf(
  tx: DbOrTx,
  row: Pick<AssessmentRow, 'createdBy'>,
  fallbackEmail: string,
): Promise<{ name: string; email: string }> {
  if (row.createdBy) {
    const [staff] = await tx
      .select({ name: user.name, email: user.email })
      .from(user)
      .where(eq(user.id, row.createdBy));
    if (staff) return staff;
  }
  return { name: await organisationName(tx), email: fallbackEmail };
}

export async function vendorNameOf(tx: DbOrTx, vendorId: string): Promise<string> {
  const [row] = await tx.select({ name: vendor.name }).from(vendor).where(eq(vendor.id, vendorId));
  return row?.name ?? 'your company';
}

/** The plain address in MAIL_FROM ("Name <a@b>" or "a@b"). */
export function mailFromAddress(mailFrom: string): string {
  return mailFrom.match(/<([^>]+)>/)?.[1] ?? mailFrom;
}

/** A due date more than two years out is almost certainly a typo (and would overflow date maths). */
export const MAX_DUE_DAYS = 730;

export function checkDueDate(dueOn: string, now: Date): void {
  const today = utcDay(now);
  if (dueOn < today) throw new AppError('bad_request', 'The due date is in the past; choose a new one');
  if (dueOn > addDays(today, MAX_DUE_DAYS)) {
    throw new AppError('bad_request', 'The due date is more than two years away');
  }
}
