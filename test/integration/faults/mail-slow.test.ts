import { createDb, type DbHandle } from '@sightline/db/client';
import { emailOutbox } from '@sightline/db/schema/mail';
import { openTestDb } from '@sightline/db/testing/test-db';
import {
  assessmentTestApp,
  createVendor,
  dueInDays,
  json,
  vendorCall,
} from '@sightline/portal/server/features/assessments/assessment-test-kit';
import { deliverDueMail, enqueueMail } from '@sightline/portal/server/mail/outbox';
import type { TestApp } from '@sightline/portal/server/testing/test-app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../e2e/support/portal-process';
import { ms, printFigures } from './fault-figures';
import { type FaultySmtp, startFaultySmtp } from './faulty-smtp';

/** How long the mail server makes the slow mail's sender wait for its answer. */
const SLOW_MS = 10_000;
/** A request that waited behind the slow mail would take SLOW_MS; a prompt one takes far less. */
const PROMPT_MS = 3_000;
const SLOW = 'slow@slow-mail.example';
const OTHERS = ['one@slow-mail.example', 'two@slow-mail.example'];

// PGlite has one connection, so anything the outbox holds while SMTP talks holds every request;
// PostgreSQL (in CI, with DATABASE_URL) has a pool but row locks.
const targets: { name: string; open: () => Promise<DbHandle> }[] = [
  { name: 'PGlite', open: () => createDb({}) },
];
if (process.env.DATABASE_URL) targets.push({ name: 'PostgreSQL', open: openTestDb });

describe.each(targets)('a slow mail server, on $name', ({ open }) => {
  let handle: DbHandle;
  let smtp: FaultySmtp;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startFaultySmtp(await freePort(), { delayFor: (to) => (to === SLOW ? SLOW_MS : 0) });
    handle = await open();
    t = await assessmentTestApp({ db: handle, smtpUrl: smtp.url });
  });
  afterAll(async () => {
    await smtp?.close();
    await handle?.close();
  });

  /** Creates and sends a questionnaire to `email`; with SMTP configured, the link goes by mail only. */
  async function questionnaireFor(vendor: string, email: string) {
    const vendorId = await createVendor(t, vendor);
    const res = await t.request('/api/assessments', {
      method: 'POST',
      cookie: await t.signInAs('procurement'),
      json: { vendorId, respondentName: 'Vera', respondentEmail: email, dueOn: dueInDays(t, 21), send: true },
    });
    return (await json<{ id: string }>(res, 201)).id;
  }

  it('keeps staff and vendor requests prompt while a mail waits on SMTP, and sends each mail once', async () => {
    // A vendor already holding a link, to call the vendor page during the stall.
    await questionnaireFor('Fast Mail AI', 'vera@fast-mail.example');
    t.clock.set(new Date());
    expect(await deliverDueMail(t.serviceDeps())).toBe(1);
    const vendorToken = /\/v#([A-Za-z0-9_-]{43})/.exec(smtp.received.at(-1) ?? '')?.[1];
    expect(vendorToken).toBeDefined();

    const slowAssessment = await questionnaireFor('Slow Mail AI', SLOW);
    for (const to of OTHERS)
      await enqueueMail(t.deps.db, { to, subject: 'Hello', text: 'Hi', purpose: 'test' });
    const admin = await t.signInAs('admin');
    const procurement = await t.signInAs('procurement');
    t.clock.set(new Date());

    // Two senders at once, as on two portal instances; the server holds the first mail for SLOW_MS.
    const sendingSince = performance.now();
    const senders = Promise.all([deliverDueMail(t.serviceDeps()), deliverDueMail(t.serviceDeps())]);
    await smtp.holdingMailTo(SLOW);

    const timings: Record<string, number[]> = {};
    const timed = async (label: string, call: () => Promise<Response>, status: number) => {
      const started = performance.now();
      const res = await call();
      timings[label] = [...(timings[label] ?? []), performance.now() - started];
      expect(res.status, `${label}: ${await res.clone().text()}`).toBe(status);
    };
    for (let round = 0; round < 3; round++) {
      await timed('staff GET /api/outbox', () => t.request('/api/outbox', { cookie: admin }), 200);
      await timed('staff GET /api/vendors', () => t.request('/api/vendors', { cookie: procurement }), 200);
      await timed(
        'staff POST /api/vendors',
        () =>
          t.request('/api/vendors', {
            method: 'POST',
            cookie: procurement,
            json: { name: `Stall Vendor ${round}` },
          }),
        201,
      );
      await timed(
        'vendor GET /api/vendor/assessment',
        () => vendorCall(t, vendorToken!, '/api/vendor/assessment'),
        200,
      );
    }
    // Withdrawing the very questionnaire whose mail is with SMTP: it used to wait for the mail's row lock.
    await timed(
      'staff POST /api/assessments/:id/revoke',
      () =>
        t.request(`/api/assessments/${slowAssessment}/revoke`, {
          method: 'POST',
          cookie: procurement,
          json: {},
        }),
      200,
    );
    const stillHolding = smtp.isHolding(SLOW);

    const [first, second] = await senders;
    const sendersMs = performance.now() - sendingSince;
    const all = Object.values(timings).flat();
    printFigures('mail-slow', {
      database: handle.kind,
      smtpAnswerDelayMs: SLOW_MS,
      requests: all.length,
      maxRequestMs: ms(Math.max(...all)),
      maxMsByRequest: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, ms(Math.max(...v))])),
      sendersMs: ms(sendersMs),
      sentBySender: [first, second],
    });

    // Every request was answered while the server still held the mail, and none waited behind it.
    expect(stillHolding).toBe(true);
    expect(Math.max(...all)).toBeLessThan(PROMPT_MS);
    // Each mail once: the slow one (it was with SMTP when its link was withdrawn) and the two after it.
    expect(first + second).toBe(3);
    for (const to of [SLOW, ...OTHERS]) expect(smtp.deliveredTo(to), to).toBe(1);
    const rows = await t.deps.db.select().from(emailOutbox);
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(4);
    expect(rows.every((r) => r.leaseToken === null && r.attempts === 1)).toBe(true);
  }, 90_000);
});
