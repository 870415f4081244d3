import { mailStatuses } from '@sightline/shared/mail/mail-statuses';
import { secretLinkKinds } from '@sightline/shared/mail/secret-links';
import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const mailStatus = pgEnum('mail_status', mailStatuses);
export const secretLinkKind = pgEnum('secret_link_kind', secretLinkKinds);

/**
 * Every outgoing mail is written here first, then delivered by the outbox worker, so a crash or an
 * SMTP outage never loses one. Without SMTP the mail stays `held` for staff to copy the link.
 *
 * A bearer link never sits in the body: the body holds a placeholder and the link waits in
 * `secret_link` only until the mail is sent, or until the link stops working (then the mail is
 * cancelled). Who may read a held link follows `secret_link_kind`.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    /** The link the placeholder in the body stands for; null once sent or withdrawn. */
    secretLink: text('secret_link'),
    /** Set on every mail that carries (or carried) a link, whether or not the link is still kept. */
    secretLinkKind: secretLinkKind('secret_link_kind'),
    /** The staff invitation or vendor link token the link carries, to withdraw it with the token. */
    linkTokenId: uuid('link_token_id'),
    /** What the mail is for, e.g. "assessment.sent", "assessment.reminder.7", "staff.invite". */
    purpose: text('purpose').notNull(),
    relatedType: text('related_type'),
    relatedId: text('related_id'),
    status: mailStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).defaultNow().notNull(),
    lastError: text('last_error'),
    /**
     * A sender's claim on the mail while it talks to SMTP, outside any transaction: the sender's
     * random token and when the claim lapses. The sender renews it while it sends; a lapsed claim (its
     * sender crashed) may be taken by another sender. Null when nobody is sending it.
     */
    leaseToken: uuid('lease_token'),
    leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('email_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('email_outbox_link_token_idx').on(t.linkTokenId),
  ],
);
