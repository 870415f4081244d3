/**
 * Outbox states: `held` means no SMTP is configured and the mail waits in the portal to be copied;
 * `cancelled` means the link it carried was replaced, revoked or used before it went out, so it is
 * never sent.
 */
export const mailStatuses = ['pending', 'sent', 'failed', 'held', 'cancelled'] as const;
export type MailStatus = (typeof mailStatuses)[number];
