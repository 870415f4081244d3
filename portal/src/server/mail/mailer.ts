import nodemailer from 'nodemailer';

export type OutgoingMail = { to: string; subject: string; text: string; html?: string | null };

/** Sends one mail or throws; `null` transport means no SMTP is configured. */
export type Mailer = { configured: boolean; send: (mail: OutgoingMail) => Promise<void> };

export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) {
    return {
      configured: false,
      send: async () => {
        throw new Error('SMTP is not configured');
      },
    };
  }
  // Bounded waits: nodemailer's defaults let a silent server hold a send for up to 10 minutes of
  // inactivity. The outbox sends outside any transaction, so a slow server only delays its own mails.
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    configured: true,
    send: async (mail) => {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? undefined,
      });
    },
  };
}
