import type { AddressInfo } from 'node:net';
import { emailOutbox } from '@sightline/db/schema/mail';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDueMail } from '../../mail/outbox';
import type { TestApp } from '../../testing/test-app';
import {
  assessmentTestApp,
  createVendor,
  dueInDays,
  freshAddress,
  json,
  vendorCall,
} from './assessment-test-kit';

type Received = { to: string[]; raw: string };
const received: Received[] = [];
let rejectNext = 0;
let server: SMTPServer;
let t: TestApp;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(_address, _session, callback) {
      if (rejectNext > 0) {
        rejectNext -= 1;
        const error = new Error('Mailbox temporarily unavailable') as Error & { responseCode: number };
        error.responseCode = 450;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  t = await assessmentTestApp({ smtpUrl: `smtp://127.0.0.1:${port}` });
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The link from a received mail: quoted-printable soft breaks undone first. */
function linkFrom(raw: string): string {
  const body = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const match = body.match(/http:\/\/localhost:8787\/v#([A-Za-z0-9_-]{43})/);
  if (!match) throw new Error(`no link in mail:\n${raw}`);
  return match[1]!;
}

describe('questionnaire mail over real SMTP', () => {
  it('delivers the link, which opens the questionnaire; the sender never sees the link', async () => {
    const vendorId = await createVendor(t, 'Mailtest AI');
    const cookie = await t.signInAs('procurement');
    const sent = await json<{ id: string; mailed: boolean; link?: string }>(
      await t.request('/api/assessments', {
        method: 'POST',
        cookie,
        json: {
          vendorId,
          respondentName: 'Mia',
          respondentEmail: 'mia@mailtest.example',
          dueOn: dueInDays(t, 14),
          send: true,
        },
      }),
      201,
    );
    expect(sent.mailed).toBe(true);
    expect(sent.link).toBeUndefined();
    // The outbox stamps rows with the database's clock, so the fake clock catches up first.
    t.clock.set(new Date());
    expect(await deliverDueMail(t.serviceDeps())).toBe(1);
    const mail = received.find((m) => m.to.includes('mia@mailtest.example'));
    expect(mail?.raw).toMatch(/Subject: .*AI supplier questionnaire for Mailtest AI/);
    const token = linkFrom(mail!.raw);
    const view = await json<{ assessment: { vendorName: string; respondentName: string } }>(
      await vendorCall(t, token, '/api/vendor/assessment', { from: freshAddress() }),
      200,
    );
    expect(view.assessment).toMatchObject({ vendorName: 'Mailtest AI', respondentName: 'Mia' });
    const [row] = await t.deps.db.select().from(emailOutbox).where(eq(emailOutbox.relatedId, sent.id));
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('retries a failed delivery with backoff and shows the error meanwhile', async () => {
    const vendorId = await createVendor(t, 'Flaky Mail AI');
    const cookie = await t.signInAs('procurement');
    const sent = await json<{ id: string }>(
      await t.request('/api/assessments', {
        method: 'POST',
        cookie,
        json: {
          vendorId,
          respondentName: 'Fay',
          respondentEmail: 'fay@flaky.example',
          dueOn: dueInDays(t, 14),
          send: true,
        },
      }),
      201,
    );
    rejectNext = 1;
    t.clock.set(new Date());
    expect(await deliverDueMail(t.serviceDeps())).toBe(0);
    let [row] = await t.deps.db.select().from(emailOutbox).where(eq(emailOutbox.relatedId, sent.id));
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row!.lastError).toMatch(/temporarily unavailable/);
    expect(await deliverDueMail(t.serviceDeps())).toBe(0); // not due yet: backoff
    t.clock.set(new Date(t.clock.now().getTime() + 60_000));
    expect(await deliverDueMail(t.serviceDeps())).toBe(1);
    [row] = await t.deps.db.select().from(emailOutbox).where(eq(emailOutbox.relatedId, sent.id));
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    expect(received.some((m) => m.to.includes('fay@flaky.example'))).toBe(true);
  });
});
