import { emailOutbox } from '@sightline/db/schema/mail';
import { deliverDueMail, enqueueMail, retryDelayMs } from '@sightline/portal/server/mail/outbox';
import { createTestApp, type TestApp } from '@sightline/portal/server/testing/test-app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../e2e/support/portal-process';
import { printFigures } from './fault-figures';
import { type FaultySmtp, startFaultySmtp } from './faulty-smtp';

const RECIPIENTS = [
  'ana@refused.example',
  'ben@refused.example',
  'cy@refused.example',
  'dee@refused.example',
];

describe('a mail server that refuses, then accepts', () => {
  let t: TestApp;
  let port: number;
  let smtp: FaultySmtp | null = null;
  beforeAll(async () => {
    port = await freePort();
    t = await createTestApp({ smtpUrl: `smtp://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.close();
  });

  const rows = () => t.deps.db.select().from(emailOutbox);
  /** The next attempt is due: the fake clock moves past the backoff the outbox chose. */
  const afterBackoff = (attempts: number) =>
    t.clock.set(new Date(t.clock.now().getTime() + retryDelayMs(attempts) + 1_000));

  it('retries with backoff, and each mail is sent exactly once', async () => {
    // A staff invitation through the portal (a mail with a link) and plain mails.
    const admin = await t.signInAs('admin');
    const invited = await t.request('/api/users/invitations', {
      method: 'POST',
      cookie: admin,
      json: { email: 'new.colleague@refused.example', name: 'New Colleague', role: 'reviewer' },
    });
    expect(invited.status).toBe(201);
    for (const to of RECIPIENTS)
      await enqueueMail(t.deps.db, { to, subject: 'Hello', text: 'Hi', purpose: 'test' });
    const everyone = [...RECIPIENTS, 'new.colleague@refused.example'];
    t.clock.set(new Date());

    // 1. Nothing listens on the mail server's port: connection refused.
    expect(await deliverDueMail(t.serviceDeps())).toBe(0);
    for (const row of await rows()) {
      expect(row).toMatchObject({ status: 'failed', attempts: 1, leaseToken: null });
      expect(row.lastError).toMatch(/ECONNREFUSED/);
    }
    // Not due again before the backoff.
    expect(await deliverDueMail(t.serviceDeps())).toBe(0);
    expect((await rows()).every((r) => r.attempts === 1)).toBe(true);

    // 2. The server is up but answers 421 to every connection.
    smtp = await startFaultySmtp(port);
    smtp.setMode('refuse');
    afterBackoff(1);
    expect(await deliverDueMail(t.serviceDeps())).toBe(0);
    for (const row of await rows()) {
      expect(row).toMatchObject({ status: 'failed', attempts: 2 });
      expect(row.lastError).toMatch(/421/);
    }
    expect(smtp.delivered).toEqual([]);

    // 3. It accepts. Two senders at once (two portal instances) deliver each mail once.
    smtp.setMode('accept');
    afterBackoff(2);
    const [a, b] = await Promise.all([deliverDueMail(t.serviceDeps()), deliverDueMail(t.serviceDeps())]);
    expect(a + b).toBe(everyone.length);
    // Nothing is left to send, and a later round sends nothing again.
    afterBackoff(3);
    expect(await deliverDueMail(t.serviceDeps())).toBe(0);

    const received = Object.fromEntries(everyone.map((to) => [to, smtp!.deliveredTo(to)]));
    printFigures('mail-refused', {
      mails: everyone.length,
      sentBySender: [a, b],
      received: smtp.delivered.length,
      attempts: (await rows()).map((r) => r.attempts),
    });
    expect(received).toEqual(Object.fromEntries(everyone.map((to) => [to, 1])));
    for (const row of await rows())
      expect(row).toMatchObject({ status: 'sent', attempts: 3, secretLink: null, leaseToken: null });
  });
});
