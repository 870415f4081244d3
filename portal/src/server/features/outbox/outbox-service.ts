import type { Db } from '@sightline/db/client';
import { emailOutbox } from '@sightline/db/schema/mail';
import type { StaffRole } from '@sightline/shared/auth/roles';
import type { PageQuery } from '@sightline/shared/http/paging';
import type { OutboxList } from '@sightline/shared/mail/outbox-api';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { ServiceDeps, StaffUser } from '../../context';
import { AppError } from '../../errors';
import { keyset } from '../../paging/keyset';
import { sortKeys } from '../../paging/sort-keys';
import { outboxMailView } from './outbox-view';

const outboxKeys = keyset('outbox', [
  sortKeys.instant(emailOutbox.createdAt, 'desc'),
  sortKeys.uuid(emailOutbox.id, 'desc'),
]);

/** A page of mails, newest first, as this viewer may read them: links only where their role may have them. */
export async function listOutbox(
  db: Db,
  viewer: { role: StaffRole; smtpConfigured: boolean },
  page: PageQuery,
): Promise<OutboxList> {
  const rows = await db
    .select({ mail: emailOutbox, ...outboxKeys.select })
    .from(emailOutbox)
    .where(outboxKeys.after(page.cursor))
    .orderBy(...outboxKeys.orderBy)
    .limit(page.limit + 1);
  const { items, nextCursor } = outboxKeys.page(rows, page.limit);
  return {
    smtpConfigured: viewer.smtpConfigured,
    items: items.map(({ mail }) => outboxMailView(mail, viewer)),
    nextCursor,
  };
}

/**
 * Queues a failed or held mail for another attempt. A sent mail no longer has its link, and a mail
 * whose link was withdrawn would deliver a dead one: neither is sent again.
 */
export async function retryMail(
  deps: Pick<ServiceDeps, 'db' | 'now'>,
  staff: StaffUser,
  id: string,
): Promise<void> {
  const { db, now } = deps;
  await db.transaction(async (tx) => {
    const [mail] = await tx
      .select({
        status: emailOutbox.status,
        secretLink: emailOutbox.secretLink,
        secretLinkKind: emailOutbox.secretLinkKind,
      })
      .from(emailOutbox)
      .where(eq(emailOutbox.id, id))
      .for('update');
    if (!mail) throw new AppError('not_found', 'No mail with this id');
    if (mail.status === 'sent') throw new AppError('conflict', 'This mail was sent; it is not sent again');
    if (mail.status === 'pending') throw new AppError('conflict', 'This mail is already waiting to be sent');
    if (mail.status === 'cancelled' || (mail.secretLinkKind && mail.secretLink === null))
      throw new AppError(
        'conflict',
        'The link in this mail no longer works (replaced, revoked or used); send a new one instead',
      );
    await tx
      .update(emailOutbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now })
      .where(eq(emailOutbox.id, id));
    await recordAudit(tx, {
      actor: { type: 'staff', user: staff },
      action: 'mail.retry',
      targetType: 'email',
      targetId: id,
    });
  });
}
