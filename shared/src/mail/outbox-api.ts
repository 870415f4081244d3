import { z } from 'zod';
import { timestampSchema } from '../http/json-values';
import { pageSchema } from '../http/paging';
import { mailStatuses } from './mail-statuses';
import type { SecretLinkKind } from './secret-links';

/**
 * Why the viewer sees no link in a mail that carries one: it waits for a role the viewer lacks, it
 * is on its way by mail (only the recipient gets it), it was delivered and not kept, or it no longer
 * works (replaced, revoked, used) and was removed.
 */
export const hiddenLinkReasons = ['role', 'in_delivery', 'delivered', 'withdrawn'] as const;
export type HiddenLinkReason = (typeof hiddenLinkReasons)[number];

export const outboxMailSchema = z.strictObject({
  id: z.uuid(),
  toAddress: z.string(),
  subject: z.string(),
  purpose: z.string(),
  status: z.enum(mailStatuses),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: timestampSchema,
  sentAt: timestampSchema.nullable(),
  /** The text as this viewer may read it: the link in place, or a note where it was. */
  text: z.string(),
  /** The link, for someone who may copy it while the mail is held; otherwise null. */
  link: z.string().nullable(),
  /** Set when the mail carries a link this viewer does not get, and why. */
  linkHidden: z.enum(hiddenLinkReasons).nullable(),
});
export type OutboxMail = z.infer<typeof outboxMailSchema>;

/** A page of the outbox, newest first, and whether mail leaves by SMTP (else it waits to be copied). */
export const outboxListSchema = pageSchema(outboxMailSchema).extend({ smtpConfigured: z.boolean() });
export type OutboxList = z.infer<typeof outboxListSchema>;

const readerLabels: Record<SecretLinkKind, string> = {
  staff_invitation: 'an admin',
  vendor_link: 'admins and procurement',
};

/** The note that stands in a mail's text where a link the viewer does not get was. */
export function hiddenLinkNote(reason: HiddenLinkReason, kind: SecretLinkKind): string {
  switch (reason) {
    case 'role':
      return `[link hidden: only ${readerLabels[kind]} can see it]`;
    case 'in_delivery':
      return '[link hidden: it goes to the recipient by mail only]';
    case 'delivered':
      return '[link removed: it was mailed to the recipient and is not kept]';
    case 'withdrawn':
      return '[link removed: it was replaced, revoked or used before this mail went out]';
  }
}
