import type { DbOrTx } from '@sightline/db/client';
import { emailOutbox } from '@sightline/db/schema/mail';
import { and, asc, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';

/**
 * How long a sender's claim on a mail lasts without renewal. The sender renews it every
 * LEASE_RENEW_MS while SMTP talks, so it lapses only when the sender is gone (crashed, killed, cut off
 * from the database); then another sender may take the mail. Far longer than a renewal interval, so a
 * busy event loop or a slow database does not let a live sender's claim lapse.
 */
export const LEASE_MS = 5 * 60_000;
export const LEASE_RENEW_MS = 30_000;

export type MailRow = typeof emailOutbox.$inferSelect;

/** Due, not sent, not given up on, and nobody is sending it (or its sender's claim has lapsed). */
export function claimable(now: Date, maxAttempts: number) {
  return and(
    inArray(emailOutbox.status, ['pending', 'failed']),
    lte(emailOutbox.nextAttemptAt, now),
    lte(emailOutbox.attempts, maxAttempts - 1),
    or(isNull(emailOutbox.leaseExpiresAt), lte(emailOutbox.leaseExpiresAt, now)),
  );
}

/**
 * Claims up to `limit` due mails for this sender in one statement: the rows are picked with SKIP
 * LOCKED, so two senders at once (two portal instances) claim different mails, and the claim is
 * committed before any SMTP traffic, so no transaction stays open while a mail server talks.
 */
export async function claimDueMail(
  db: DbOrTx,
  opts: { now: Date; token: string; limit: number; maxAttempts: number },
): Promise<MailRow[]> {
  const due = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(claimable(opts.now, opts.maxAttempts))
    .orderBy(asc(emailOutbox.createdAt))
    .limit(opts.limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(emailOutbox)
    .set({ leaseToken: opts.token, leaseExpiresAt: new Date(opts.now.getTime() + LEASE_MS) })
    .where(and(inArray(emailOutbox.id, due), claimable(opts.now, opts.maxAttempts)))
    .returning();
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/**
 * Extends this sender's claim and reads the mail as it is now, or null when the claim is gone (it
 * lapsed and another sender took it) or the mail no longer waits (its link was withdrawn and the mail
 * cancelled): then it must not be sent.
 */
export async function renewLease(db: DbOrTx, id: string, token: string, now: Date): Promise<MailRow | null> {
  const [row] = await db
    .update(emailOutbox)
    .set({ leaseExpiresAt: new Date(now.getTime() + LEASE_MS) })
    .where(
      and(
        eq(emailOutbox.id, id),
        eq(emailOutbox.leaseToken, token),
        inArray(emailOutbox.status, ['pending', 'failed']),
      ),
    )
    .returning();
  return row ?? null;
}

/** Writes what became of a claimed mail and gives up the claim, if this sender still holds it. */
export async function settleLease(
  db: DbOrTx,
  id: string,
  token: string,
  outcome: PgUpdateSetSource<typeof emailOutbox>,
): Promise<boolean> {
  const rows = await db
    .update(emailOutbox)
    .set({ ...outcome, leaseToken: null, leaseExpiresAt: null })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.leaseToken, token)))
    .returning({ id: emailOutbox.id });
  return rows.length > 0;
}
