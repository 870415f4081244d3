import type { DbOrTx } from '@sightline/db/client';
import { emailOutbox } from '@sightline/db/schema/mail';
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { AppDeps } from '../context';

export type NewMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  purpose: string;
  relatedType?: string;
  relatedId?: string;
};

export const MAX_ATTEMPTS = 8;

/** Queues a mail in the same transaction as the change that causes it, so neither is lost alone. */
export async function enqueueMail(tx: DbOrTx, mail: NewMail): Promise<string> {
  const [row] = await tx
    .insert(emailOutbox)
    .values({
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html ?? null,
      purpose: mail.purpose,
      relatedType: mail.relatedType ?? null,
      relatedId: mail.relatedId ?? null,
    })
    .returning({ id: emailOutbox.id });
  return row!.id;
}

/** Exponential backoff between attempts: 30 s, 1 min, 2 min … capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * Delivers due mails. Rows are claimed with SKIP LOCKED so two portal instances never send the same
 * mail. Without SMTP, mails are parked as `held` for staff to copy from the outbox page.
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
      if (!deps.mailer.configured) {
        await tx.update(emailOutbox).set({ status: 'held' }).where(eq(emailOutbox.id, mail.id));
        continue;
      }
      try {
        await deps.mailer.send({
          to: mail.toAddress,
          subject: mail.subject,
          text: mail.textBody,
          html: mail.htmlBody,
        });
        await tx
          .update(emailOutbox)
          .set({ status: 'sent', sentAt: now, attempts: sql`${emailOutbox.attempts} + 1`, lastError: null })
          .where(eq(emailOutbox.id, mail.id));
        sent += 1;
      } catch (error) {
        const attempts = mail.attempts + 1;
        await tx
          .update(emailOutbox)
          .set({
            status: 'failed',
            attempts,
            lastError: String((error as Error).message ?? error).slice(0, 500),
            nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
          })
          .where(eq(emailOutbox.id, mail.id));
      }
    }
    return sent;
  });
}
