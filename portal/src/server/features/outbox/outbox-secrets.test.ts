import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { staffInvitation } from '@sightline/db/schema/auth';
import { emailOutbox } from '@sightline/db/schema/mail';
import type { StaffRole } from '@sightline/shared/auth/roles';
import type { OutboxList, OutboxMail } from '@sightline/shared/mail/outbox-api';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../mail/mailer';
import { deliverDueMail } from '../../mail/outbox';
import { LINK_PLACEHOLDER } from '../../mail/secret-link';
import { type SmtpSink, startSmtpSink } from '../../testing/smtp-sink';
import { sessionCookie } from '../../testing/test-app';
import {
  assessmentTestApp,
  createVendor,
  json,
  sendAssessment,
  tokenOf,
} from '../assessments/assessment-test-kit';

type App = Awaited<ReturnType<typeof assessmentTestApp>>;
let t: App;
let sink: SmtpSink;
const noSmtp = createMailer(undefined, 'Sightline <sightline@test>');

beforeAll(async () => {
  t = await assessmentTestApp();
  sink = await startSmtpSink();
});
afterAll(async () => {
  await t?.close();
  await sink?.close();
});

async function outboxAs(role: StaffRole): Promise<{ raw: string; list: OutboxList }> {
  const res = await t.request('/api/outbox', { cookie: await t.signInAs(role) });
  const raw = await res.text();
  expect(res.status).toBe(200);
  return { raw, list: JSON.parse(raw) as OutboxList };
}

async function mailTo(role: StaffRole, address: string): Promise<OutboxMail> {
  const mail = (await outboxAs(role)).list.items.find((m) => m.toAddress === address);
  if (!mail) throw new Error(`no mail to ${address} in the outbox`);
  return mail;
}

async function invite(email: string, role: StaffRole) {
  const res = await t.request('/api/users/invitations', {
    method: 'POST',
    cookie: await t.signInAs('admin'),
    json: { email, name: email.split('@')[0], role },
  });
  return json<{ invitationId: string; mailed: boolean; link?: string }>(res, 201);
}

async function accept(token: string) {
  return t.request('/api/invitations/accept', {
    method: 'POST',
    json: { token, password: 'a password the attacker chose' },
  });
}

/** Delivers what is due now (the outbox stamps rows with the database's clock). */
async function deliver() {
  t.clock.set(new Date());
  return deliverDueMail(t.serviceDeps());
}

describe('the outbox without SMTP', () => {
  it('does not give procurement the link of a held admin invitation, so procurement cannot become admin', async () => {
    t.deps.mailer = noSmtp;
    const invited = await invite('new-admin@example.test', 'admin');
    const token = tokenOf(invited.link!);
    await deliver();

    const { raw } = await outboxAs('procurement');
    expect(raw).not.toContain(token);
    const seen = await mailTo('procurement', 'new-admin@example.test');
    expect(seen).toMatchObject({ status: 'held', link: null, linkHidden: 'role' });
    expect(seen.text).toContain('[link hidden: only an admin can see it]');
    // What the reported attack did: take anything shaped like a token from the outbox and accept it.
    const candidates = new Set(raw.match(/[A-Za-z0-9_-]{43}/g) ?? []);
    for (const candidate of candidates) expect((await accept(candidate)).status).toBe(404);

    // Admins could invite anyone anyway: they may copy it to hand it over.
    const forAdmin = await mailTo('admin', 'new-admin@example.test');
    expect(forAdmin).toMatchObject({ status: 'held', link: invited.link, linkHidden: null });
    expect(forAdmin.text).toContain(invited.link);
  });

  it('lets procurement copy a held questionnaire link; a resend withdraws the old one for everyone', async () => {
    const vendorId = await createVendor(t, 'Outbox AI');
    const sent = await sendAssessment(t, vendorId, { respondentEmail: 'olga@outbox.example' });
    await deliver();
    const held = await mailTo('procurement', 'olga@outbox.example');
    expect(held).toMatchObject({ status: 'held', link: sent.link, linkHidden: null });

    const resent = await json<{ link: string }>(
      await t.request(`/api/assessments/${sent.id}/resend`, {
        method: 'POST',
        cookie: await t.signInAs('procurement'),
        json: {},
      }),
      200,
    );
    for (const role of ['admin', 'procurement'] as const) {
      const { raw, list } = await outboxAs(role);
      expect(raw).not.toContain(sent.token);
      const old = list.items.find((m) => m.id === held.id)!;
      expect(old).toMatchObject({ status: 'cancelled', link: null, linkHidden: 'withdrawn' });
      expect(list.items.some((m) => m.link === resent.link)).toBe(true);
    }
    const retry = await t.request(`/api/outbox/${held.id}/retry`, {
      method: 'POST',
      cookie: await t.signInAs('procurement'),
    });
    expect(retry.status).toBe(409);
    const unchanged = (await outboxAs('admin')).list.items.find((m) => m.id === held.id);
    expect(unchanged?.status).toBe('cancelled');
  });

  it('withdraws a held invitation link when the invitation is revoked or accepted', async () => {
    const revoked = await invite('revoked@example.test', 'reviewer');
    const used = await invite('used@example.test', 'viewer');
    await deliver();
    const revoke = await t.request(`/api/users/invitations/${revoked.invitationId}`, {
      method: 'DELETE',
      cookie: await t.signInAs('admin'),
    });
    expect(revoke.status).toBe(200);
    expect((await accept(tokenOf(used.link!))).status).toBe(201);

    const { raw, list } = await outboxAs('admin');
    expect(raw).not.toContain(tokenOf(revoked.link!));
    expect(raw).not.toContain(tokenOf(used.link!));
    for (const address of ['revoked@example.test', 'used@example.test']) {
      expect(list.items.find((m) => m.toAddress === address)).toMatchObject({
        status: 'cancelled',
        link: null,
        linkHidden: 'withdrawn',
      });
    }
  });
});

describe('the outbox with SMTP', () => {
  it('delivers an admin invitation with its link after a failure, keeps no copy, and shows it to no one', async () => {
    t.deps.mailer = createMailer(sink.url, 'Sightline <sightline@test>');
    const invited = await invite('smtp-admin@example.test', 'admin');
    expect(invited).toEqual({ invitationId: expect.any(String), mailed: true });

    sink.failNext();
    expect(await deliver()).toBe(0);
    const whileFailing = [(await outboxAs('admin')).raw, (await outboxAs('procurement')).raw];
    expect(await mailTo('procurement', 'smtp-admin@example.test')).toMatchObject({
      status: 'failed',
      link: null,
      linkHidden: 'in_delivery',
    });
    t.clock.set(new Date(Date.now() + 60_000));
    expect(await deliverDueMail(t.serviceDeps())).toBe(1);
    t.clock.set(new Date());

    const [mail] = sink.to('smtp-admin@example.test');
    const token = mail!.raw.match(/\/accept-invitation#([A-Za-z0-9_-]{43})/)?.[1];
    expect(token).toBeDefined();
    expect(mail!.raw).not.toContain(LINK_PLACEHOLDER);
    for (const raw of [...whileFailing, (await outboxAs('admin')).raw, (await outboxAs('procurement')).raw])
      expect(raw).not.toContain(token!);
    const sent = await mailTo('admin', 'smtp-admin@example.test');
    expect(sent).toMatchObject({ status: 'sent', link: null, linkHidden: 'delivered' });
    const [row] = await t.deps.db.select().from(emailOutbox).where(eq(emailOutbox.id, sent.id));
    expect(row!.secretLink).toBeNull();
    expect(JSON.stringify(row)).not.toContain(token!);

    // The recipient's link still works: a sent mail lost nothing its reader needs.
    expect((await accept(token!)).status).toBe(201);
    const signIn = await t.request('/api/auth/sign-in/email', {
      method: 'POST',
      json: { email: 'smtp-admin@example.test', password: 'a password the attacker chose' },
    });
    const me = await t.request('/api/me', { cookie: sessionCookie(signIn) });
    expect(await me.json()).toMatchObject({ user: { role: 'admin' } });

    const again = await t.request(`/api/outbox/${sent.id}/retry`, {
      method: 'POST',
      cookie: await t.signInAs('admin'),
    });
    expect(again.status).toBe(409);
    expect(sink.to('smtp-admin@example.test')).toHaveLength(1);
  });
});

describe('mails stored before links left the bodies (migration 0006)', () => {
  const migration = readFileSync(
    resolve(import.meta.dirname, '../../../../../db/migrations/0006_move_mail_links_out_of_bodies.sql'),
    'utf8',
  );
  const runMigration = async () => {
    for (const statement of migration.split('--> statement-breakpoint')) {
      await t.deps.db.execute(sql.raw(statement.replace(/^--.*$/gm, '')));
    }
  };
  /** Puts a mail back as an older portal stored it: the link inside its text, nothing beside it. */
  const storeTheOldWay = (id: string, status: 'held' | 'sent' | 'pending') =>
    t.deps.db
      .update(emailOutbox)
      .set({
        textBody: sql`replace(${emailOutbox.textBody}, ${LINK_PLACEHOLDER}, ${emailOutbox.secretLink})`,
        secretLink: null,
        secretLinkKind: null,
        linkTokenId: null,
        status,
      })
      .where(eq(emailOutbox.id, id));

  it('moves links out of old bodies, drops those of sent mails and dead tokens, and still delivers the rest', async () => {
    t.deps.mailer = noSmtp;
    const open = await invite('old-open@example.test', 'admin');
    const revoked = await invite('old-revoked@example.test', 'reviewer');
    const vendorId = await createVendor(t, 'Old Mail AI');
    const sent = await sendAssessment(t, vendorId, { respondentEmail: 'old-sent@vendor.example' });
    const rows = await t.deps.db.select().from(emailOutbox);
    const idOf = (to: string) => rows.find((r) => r.toAddress === to)!.id;
    await storeTheOldWay(idOf('old-open@example.test'), 'held');
    await storeTheOldWay(idOf('old-revoked@example.test'), 'pending');
    await storeTheOldWay(idOf('old-sent@vendor.example'), 'sent');
    await t.deps.db
      .update(staffInvitation)
      .set({ revokedAt: new Date() })
      .where(eq(staffInvitation.id, revoked.invitationId));
    const [before] = await t.deps.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.id, idOf('old-open@example.test')));
    expect(before!.textBody).toContain(open.link!);

    await runMigration();

    const after = new Map((await t.deps.db.select().from(emailOutbox)).map((r) => [r.id, r]));
    expect(after.get(idOf('old-open@example.test'))).toMatchObject({
      secretLink: open.link,
      secretLinkKind: 'staff_invitation',
      linkTokenId: open.invitationId,
      status: 'held',
    });
    expect(after.get(idOf('old-revoked@example.test'))).toMatchObject({
      secretLink: null,
      secretLinkKind: 'staff_invitation',
    });
    expect(after.get(idOf('old-sent@vendor.example'))).toMatchObject({
      secretLink: null,
      secretLinkKind: 'vendor_link',
    });
    for (const row of after.values()) {
      expect(row.textBody).not.toMatch(/#[A-Za-z0-9_-]{43}/);
    }
    const { raw } = await outboxAs('procurement');
    for (const token of [open.link!, revoked.link!, sent.link].map(tokenOf)) expect(raw).not.toContain(token);

    // With SMTP the held invitation goes out whole; the one whose invitation was revoked never does.
    t.deps.mailer = createMailer(sink.url, 'Sightline <sightline@test>');
    const retry = await t.request(`/api/outbox/${idOf('old-open@example.test')}/retry`, {
      method: 'POST',
      cookie: await t.signInAs('admin'),
    });
    expect(retry.status).toBe(200);
    await deliver();
    expect(sink.to('old-open@example.test')[0]?.raw).toContain(open.link!);
    expect(sink.to('old-revoked@example.test')).toEqual([]);
    const [cancelled] = await t.deps.db
      .select({ status: emailOutbox.status })
      .from(emailOutbox)
      .where(eq(emailOutbox.id, idOf('old-revoked@example.test')));
    expect(cancelled!.status).toBe('cancelled');
  });
});
