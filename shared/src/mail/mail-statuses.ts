/** Outbox states: `held` means no SMTP is configured and the mail waits in the portal to be copied. */
export const mailStatuses = ['pending', 'sent', 'failed', 'held'] as const;
export type MailStatus = (typeof mailStatuses)[number];
