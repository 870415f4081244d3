import type { emailOutbox } from '@sightline/db/schema/mail';
import type { StaffRole } from '@sightline/shared/auth/roles';
import { type HiddenLinkReason, hiddenLinkNote, type OutboxMail } from '@sightline/shared/mail/outbox-api';
import { mayReadSecretLink } from '@sightline/shared/mail/secret-links';
import { fillLinkPlaceholder } from '../../mail/secret-link';

type MailRow = typeof emailOutbox.$inferSelect;

export type OutboxViewer = { role: StaffRole; smtpConfigured: boolean };

/**
 * Why this viewer gets no link from a mail that carries one, or null when they get it. A link is
 * shown only while the mail waits without SMTP (held, or about to be: staff hand it over themselves)
 * and only to a role that could have issued it; a mail on its way by SMTP gives it to the recipient
 * only, and a sent mail no longer has it.
 */
export function hiddenLinkReason(mail: MailRow, viewer: OutboxViewer): HiddenLinkReason | null {
  if (mail.status === 'sent') return 'delivered';
  if (mail.secretLink === null || mail.status === 'cancelled') return 'withdrawn';
  if (mail.status !== 'held' && viewer.smtpConfigured) return 'in_delivery';
  if (!mail.secretLinkKind || !mayReadSecretLink(mail.secretLinkKind, viewer.role)) return 'role';
  return null;
}

/** One outbox row as this viewer may read it (pure: the outbox's only rule about links). */
export function outboxMailView(mail: MailRow, viewer: OutboxViewer): OutboxMail {
  const base = {
    id: mail.id,
    toAddress: mail.toAddress,
    subject: mail.subject,
    purpose: mail.purpose,
    status: mail.status,
    attempts: mail.attempts,
    lastError: mail.lastError,
    createdAt: mail.createdAt.toISOString(),
    sentAt: mail.sentAt?.toISOString() ?? null,
  };
  if (!mail.secretLinkKind) return { ...base, text: mail.textBody, link: null, linkHidden: null };
  const reason = hiddenLinkReason(mail, viewer);
  if (reason === null && mail.secretLink !== null) {
    return {
      ...base,
      text: fillLinkPlaceholder(mail.textBody, mail.secretLink),
      link: mail.secretLink,
      linkHidden: null,
    };
  }
  const hidden = reason ?? 'withdrawn';
  return {
    ...base,
    text: fillLinkPlaceholder(mail.textBody, hiddenLinkNote(hidden, mail.secretLinkKind)),
    link: null,
    linkHidden: hidden,
  };
}
