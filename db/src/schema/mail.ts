import { mailStatuses } from '@sightline/shared/mail/mail-statuses';
import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const mailStatus = pgEnum('mail_status', mailStatuses);

/**
 * Every outgoing mail is written here first, then delivered by the outbox worker, so a crash or an
 * SMTP outage never loses one. Without SMTP the mail stays `held` for staff to copy the link.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    /** What the mail is for, e.g. "assessment.sent", "assessment.reminder.7", "staff.invite". */
    purpose: text('purpose').notNull(),
    relatedType: text('related_type'),
    relatedId: text('related_id'),
    status: mailStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).defaultNow().notNull(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('email_outbox_due_idx').on(t.status, t.nextAttemptAt)],
);
