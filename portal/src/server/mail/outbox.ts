import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '@sightline/db/client';
import { emailOutbox } from '@sightline/db/schema/mail';
import { and, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { ServiceDeps } from '../context';
import { claimable, claimDueMail, LEASE_RENEW_MS, renewLease, settleLease } from './outbox-lease';
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
 * from the outbox, and mails not yet sent are cancelled rather than deliver a dead link. A mail that
 * a sender is talking to SMTP about right now (its lease) goes out with the link it read just before,
 * now dead, and is recorded as sent.
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
 * Delivers due mails: claims them with a lease in one short statement (SKIP LOCKED, so two portal
 * instances claim different mails), talks to SMTP outside any transaction while renewing the lease,
 * then records the outcome in another short statement. A slow mail server holds no connection, lock
 * or transaction (on PGlite, with its one connection, every request used to wait behind it). A mail
 * whose sender crashed is taken again once its lease lapses (LEASE_MS). Without SMTP, due mails are
 * parked as `held` for staff to copy from the outbox page. A mail is sent with its link put in, and
 * the link is dropped in the same update that marks it sent.
 */
export async function deliverDueMail(
  deps: Pick<ServiceDeps, 'db' | 'mailer' | 'now' | 'clock'>,
  limit = 20,
): Promise<number> {
  const { now } = deps;
  if (!deps.mailer.configured) {
    await cancelDeadLinks(deps.db, now);
    await deps.db.update(emailOutbox).set({ status: 'held' }).where(claimable(now, MAX_ATTEMPTS));
    return 0;
  }
  const token = randomUUID();
  const claimed = await claimDueMail(deps.db, { now, token, limit, maxAttempts: MAX_ATTEMPTS });
  let sent = 0;
  for (const mail of claimed) {
    if (await deliverClaimed(deps, mail.id, token)) sent += 1;
  }
  return sent;
}

/** A mail written for a link that is gone (rows from before migration 0006) is not worth sending. */
async function cancelDeadLinks(db: DbOrTx, now: Date): Promise<void> {
  await db
    .update(emailOutbox)
    .set({ status: 'cancelled' })
    .where(
      and(
        claimable(now, MAX_ATTEMPTS),
        isNotNull(emailOutbox.secretLinkKind),
        isNull(emailOutbox.secretLink),
      ),
    );
}

/** Sends one claimed mail and records the outcome; true when it went out. */
async function deliverClaimed(
  deps: Pick<ServiceDeps, 'db' | 'mailer' | 'clock'>,
  id: string,
  token: string,
): Promise<boolean> {
  // Read it again under a renewed lease: its link may have been withdrawn since the claim.
  const mail = await renewLease(deps.db, id, token, deps.clock());
  if (!mail) return false;
  if (mail.secretLinkKind && mail.secretLink === null) {
    await settleLease(deps.db, id, token, { status: 'cancelled' });
    return false;
  }
  const renewal = setInterval(() => {
    renewLease(deps.db, id, token, deps.clock()).catch(() => {
      // The database is away: the lease lasts LEASE_MS from the last renewal, and the next one retries.
    });
  }, LEASE_RENEW_MS);
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
  } catch (error) {
    clearInterval(renewal);
    const attempts = mail.attempts + 1;
    const now = deps.clock();
    await settleLease(deps.db, id, token, {
      status: 'failed',
      attempts,
      lastError: errorText(error, mail.secretLink),
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
    });
    return false;
  }
  clearInterval(renewal);
  // Sent, whatever happened to the row meanwhile (a link withdrawn during the send went out anyway).
  await settleLease(deps.db, id, token, {
    status: 'sent',
    sentAt: deps.clock(),
    attempts: sql`${emailOutbox.attempts} + 1`,
    lastError: null,
    secretLink: null,
  });
  return true;
}
