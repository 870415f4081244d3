import { randomUUID } from 'node:crypto';
import { emailOutbox } from '@sightline/db/schema/mail';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../testing/smtp-sink';
import { createTestApp, type TestApp } from '../testing/test-app';
import { createMailer } from './mailer';
import { deliverDueMail, enqueueMail, withdrawMailLinks } from './outbox';
import { claimDueMail, LEASE_MS, settleLease } from './outbox-lease';
import { LINK_PLACEHOLDER } from './secret-link';

let t: TestApp;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ smtpUrl: sink.url });
});
afterAll(async () => {
  await t.close();
  await sink.close();
});
beforeEach(async () => {
  await t.deps.db.delete(emailOutbox);
  sink.received.length = 0;
});

/** Queues a mail, due now. Rows are stamped with the database's clock: the fake clock catches up. */
async function queue(to: string, more: Partial<Parameters<typeof enqueueMail>[1]> = {}) {
  await enqueueMail(t.deps.db, { to, subject: `For ${to}`, text: 'Hello', purpose: 'test', ...more });
  t.clock.set(new Date());
}
const rows = () => t.deps.db.select().from(emailOutbox);

describe('the outbox sends with a lease, outside any transaction', () => {
  it('lets two senders at once claim different mails, so each mail is sent once', async () => {
    const addresses = Array.from({ length: 6 }, (_, i) => `person${i}@lease.example`);
    for (const a of addresses) await queue(a);
    const [first, second] = await Promise.all([
      deliverDueMail(t.serviceDeps(), 3),
      deliverDueMail(t.serviceDeps(), 3),
    ]);
    expect(first + second).toBe(6);
    expect(sink.received.flatMap((m) => m.to).sort()).toEqual([...addresses].sort());
    for (const row of await rows())
      expect(row).toMatchObject({ status: 'sent', attempts: 1, leaseToken: null, leaseExpiresAt: null });
  });

  it('takes a crashed sender’s mail again once its lease lapses, and the crashed sender cannot overwrite it', async () => {
    await queue('crash@lease.example');
    const crashed = randomUUID();
    const [claimed] = await claimDueMail(t.deps.db, {
      now: t.clock.now(),
      token: crashed,
      limit: 5,
      maxAttempts: 8,
    });
    expect(claimed?.toAddress).toBe('crash@lease.example');
    // The sender that claimed it is gone: nobody else may send it while its lease runs.
    expect(await deliverDueMail(t.serviceDeps())).toBe(0);
    t.clock.set(new Date(t.clock.now().getTime() + LEASE_MS - 1_000));
    expect(await deliverDueMail(t.serviceDeps())).toBe(0);
    t.clock.set(new Date(t.clock.now().getTime() + 2_000));
    expect(await deliverDueMail(t.serviceDeps())).toBe(1);
    expect(sink.to('crash@lease.example')).toHaveLength(1);
    // Should the first sender come back, its claim is no longer its own.
    expect(await settleLease(t.deps.db, claimed!.id, crashed, { status: 'failed' })).toBe(false);
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 1, leaseToken: null });
  });

  it('does not send a claimed mail whose link is withdrawn before its turn', async () => {
    const tokenId = randomUUID();
    await queue('first@lease.example');
    await queue('second@lease.example', {
      text: `Open ${LINK_PLACEHOLDER}`,
      link: { url: 'http://localhost:8787/v#withdrawn-token', kind: 'vendor_link', tokenId },
    });
    const real = createMailer(sink.url, 'Sightline <sightline@test>');
    // While the first mail is with SMTP, staff revoke the second one's link (both are claimed by then).
    const mailer = {
      configured: true,
      send: async (mail: Parameters<typeof real.send>[0]) => {
        if (mail.to === 'first@lease.example') await withdrawMailLinks(t.deps.db, [tokenId]);
        await real.send(mail);
      },
    };
    expect(await deliverDueMail({ ...t.serviceDeps(), mailer })).toBe(1);
    expect(sink.received.flatMap((m) => m.to)).toEqual(['first@lease.example']);
    const second = (await rows()).find((r) => r.toAddress === 'second@lease.example');
    expect(second).toMatchObject({ status: 'cancelled', secretLink: null });
  });
});
