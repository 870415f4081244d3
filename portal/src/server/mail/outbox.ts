import type { DbOrTx } from '@sightline/db/client';
import { emailOutbox } from '@sightline/db/schema/mail';
import { and, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import type { AppDeps } from '../context';
import { fillLinkPlaceholder, LINK_PLACEHOLDER, type SecretLink } from './secret-link';

export type NewMail = {
  to: string;
  subject: string;
  /** Plain text; a mail with a `link` holds LINK_PLACEHOLDER where the link goes. */
  text: string;
  html?: string;
  link?: SecretLink;
  purpose: string;
  relatedType?: string;
  relatedId?: string;
};

export const MAX_ATTEMPTS = 8;

/** Queues a mail in the same transaction as the change that causes it, so neither is lost alone. */
export async function enqueueMail(tx: DbOrTx, mail: NewMail): Promise<string> {
  if (mail.link && !mail.text.includes(LINK_PLACEHOLDER)) {
    throw new Error(`mail "${mail.purpose}" has a link but no place for it in its text`);
  }
  const [row] = await tx
    .insert(emailOutbox)
    .values({
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html ?? null,
      secretLink: mail.link?.url ?? null,
      secretLinkKind: mail.link?.kind ?? null,
      linkTokenId: mail.link?.tokenId ?? null,
      purpose: mail.purpose,
      relatedType: mail.relatedType ?? null,
      relatedId: mail.relatedId ?? null,
    })
    .returning({ id: emailOutbox.id });
  return row!.id;
}

/**
 * The tokens stopped working (replaced, revoked, accepted): the links that carry them are dropped
 * from the outbox, and mails not yet sent are cancelled rather than deliver a dead link. A mail the
 * worker is sending right now is locked; this waits for it and then leaves the sent mail alone.
 */
export async function withdrawMailLinks(tx: DbOrTx, tokenIds: readonly string[]): Promise<void> {
  if (tokenIds.length === 0) return;
  await tx
    .update(emailOutbox)
    .set({ secretLink: null, status: 'cancelled' })
    .where(and(inArray(emailOutbox.linkTokenId, [...tokenIds]), ne(emailOutbox.status, 'sent')));
}

/** Exponential backoff between attempts: 30 s, 1 min, 2 min … capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/** An SMTP error as stored for staff to read: never with the link, should a server echo it. */
function errorText(error: unknown, link: string | null): string {
  const text = String((error as Error)?.message ?? error);
  return (link ? text.replaceAll(link, LINK_PLACEHOLDER) : text).slice(0, 500);
}

/**
 * Delivers due mails. Rows are claimed with SKIP LOCKED so two portal instances never send the same
 * mail. Without SMTP, mails are parked as `held` for staff to copy from the outbox page. A mail is
 * sent with its link put in, and the link is dropped in the same update that marks it sent.
 */
export async function deliverDueMail(
  deps: Pick<AppDeps, 'db' | 'mailer' | 'now'>,
  limit = 20,
): Promise<number> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(emailOutbox)
      .where(
        and(
          inArray(emailOutbox.status, ['pending', 'failed']),
          lte(emailOutbox.nextAttemptAt, now),
          lte(emailOutbox.attempts, MAX_ATTEMPTS - 1),
        ),
      )
      .orderBy(emailOutbox.createdAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    let sent = 0;
    for (const mail of due) {
      // A mail written for a link that is gone (rows from before migration 0006) is not worth sending.
      if (mail.secretLinkKind && mail.secretLink === null) {
        await tx.update(emailOutbox).set({ status: 'cancelled' }).where(eq(emailOutbox.id, mail.id));
        continue;
      }
      if (!deps.mailer.configured) {
        await tx.update(emailOutbox).set({ status: 'held' }).where(eq(emailOutbox.id, mail.id));
        continue;
      }
      try {
        await deps.mailer.send({
          to: mail.toAddress,
          subject: mail.subject,
          text: mail.secretLink ? fillLinkPlaceholder(mail.textBody, mail.secretLink) : mail.textBody,
          html:
            mail.htmlBody && mail.secretLink
              ? fillLinkPlaceholder(mail.htmlBody, mail.secretLink)
              : mail.htmlBody,
        });
        await tx
          .update(emailOutbox)
          .set({
            status: 'sent',
            sentAt: now,
            attempts: sql`${emailOutbox.attempts} + 1`,
            lastError: null,
            secretLink: null,
          })
          .where(eq(emailOutbox.id, mail.id));
        sent += 1;
      } catch (error) {
        const attempts = mail.attempts + 1;
        await tx
          .update(emailOutbox)
          .set({
            status: 'failed',
            attempts,
            lastError: errorText(error, mail.secretLink),
            nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
          })
          .where(eq(emailOutbox.id, mail.id));
      }
    }
    return sent;
  });
}
