import { user } from '@sightline/db/schema/auth';
import { reviewNotice } from '@sightline/db/schema/reviews';
import type { DueVendor } from '@sightline/shared/reviews/review-api';
import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { ServiceDeps } from '../../context';
import { enqueueMail } from '../../mail/outbox';
import { mailFromAddress, organisationName } from '../assessments/assessment-records';
import { dueForReview } from './due-list';

type Tx = Parameters<Parameters<ServiceDeps['db']['transaction']>[0]>[0];

/**
 * The worker's tick: mails procurement about each vendor with a reason it has not been told of yet.
 * Each reason occurrence is claimed by inserting its review_notice row (unique per vendor, reason and
 * key) in the transaction that queues the mail: when several portal instances tick at once, the
 * insert that loses waits for the winner, finds the row there, and sends nothing.
 */
export async function sendReviewNotices(deps: ServiceDeps): Promise<number> {
  const { now } = deps;
  const { vendors } = await dueForReview({ db: deps.db, now });
  let mailed = 0;
  for (const due of vendors) {
    const sent = await deps.db.transaction(async (tx) => {
      const won = new Set<string>();
      // Claimed in one fixed order, so two instances racing over several reasons of one vendor wait
      // for each other instead of deadlocking.
      const inOrder = [...due.reasons].sort((a, b) =>
        `${a.reason}|${a.key}`.localeCompare(`${b.reason}|${b.key}`),
      );
      for (const r of inOrder) {
        const rows = await tx
          .insert(reviewNotice)
          .values({ vendorId: due.vendorId, reason: r.reason, subject: r.key, sentAt: now })
          .onConflictDoNothing()
          .returning({ id: reviewNotice.id });
        if (rows.length > 0) won.add(`${r.reason}|${r.key}`);
      }
      const claimed = due.reasons.filter((r) => won.has(`${r.reason}|${r.key}`));
      if (claimed.length === 0) return 0;
      const recipients = await noticeRecipients(tx, deps.env.MAIL_FROM);
      const org = await organisationName(tx);
      const mailIds: string[] = [];
      for (const to of recipients) {
        mailIds.push(await enqueueMail(tx, dueNoticeMail(org, due, claimed, to)));
      }
      await recordAudit(tx, {
        actor: { type: 'system' },
        action: 'vendor.review_notice_sent',
        targetType: 'vendor',
        targetId: due.vendorId,
        details: { reasons: claimed.map((r) => ({ reason: r.reason, key: r.key })), mailIds },
        at: now,
      });
      return mailIds.length;
    });
    mailed += sent;
  }
  return mailed;
}

/**
 * Procurement runs reassessments, so procurement is told; with no procurement staff, the admins; with
 * neither, the portal's own sender address, so the notice still lands in the outbox.
 */
async function noticeRecipients(tx: Tx, mailFrom: string): Promise<string[]> {
  for (const role of ['procurement', 'admin'] as const) {
    const rows = await tx
      .select({ email: user.email })
      .from(user)
      .where(and(eq(user.role, role), eq(user.disabled, false)))
      .orderBy(asc(user.email));
    if (rows.length > 0) return rows.map((r) => r.email);
  }
  return [mailFromAddress(mailFrom)];
}

const reasonWords: Record<DueVendor['reasons'][number]['reason'], string> = {
  review_date: 'Review date',
  document_expiry: 'Document expiring',
  evidence_expiry: 'Evidence expiring',
  incident: 'Incident',
  usage_spike: 'Usage spike',
  blocked_use_rising: 'Blocked service still used',
  material_change: 'Material change',
};

function dueNoticeMail(org: string, due: DueVendor, reasons: DueVendor['reasons'], to: string) {
  const when = due.overdue
    ? `${-due.daysUntilDue} day${due.daysUntilDue === -1 ? '' : 's'} overdue`
    : due.daysUntilDue === 0
      ? 'due today'
      : `due in ${due.daysUntilDue} day${due.daysUntilDue === 1 ? '' : 's'}`;
  const lines = [
    'Hello,',
    '',
    `${due.vendorName} is due for review (${when}):`,
    '',
    ...reasons.map((r) => `- ${reasonWords[r.reason]}: ${r.label}`),
    '',
    'Open "Due for review" in Sightline to start a reassessment.',
    '',
    `${org}, via Sightline`,
    '',
  ];
  return {
    to,
    subject: `${due.vendorName} is due for review: ${reasons.map((r) => reasonWords[r.reason].toLowerCase()).join(', ')}`,
    text: lines.join('\n'),
    purpose: 'vendor.review_due',
    relatedType: 'vendor',
    relatedId: due.vendorId,
  };
}
