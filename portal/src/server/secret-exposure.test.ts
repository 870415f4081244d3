import { auditLog } from '@sightline/db/schema/audit';
import { emailOutbox } from '@sightline/db/schema/mail';
import { type StaffRole, staffRoles } from '@sightline/shared/auth/roles';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  assessmentTestApp,
  createVendor,
  dueInDays,
  freshAddress,
  sendAssessment,
  vendorCall,
} from './features/assessments/assessment-test-kit';
import { createMailer } from './mail/mailer';
import { captureLogs } from './testing/log-capture';
import { holds, leaksIn as leaksOf } from './testing/secret-exposure/leaks';
import {
  deliver,
  noSmtp,
  type PlantedSecrets,
  plantSecrets,
} from './testing/secret-exposure/planted-secrets';
import { everythingReadableBy as readableBy } from './testing/secret-exposure/role-sweep';
import { type SmtpSink, startSmtpSink } from './testing/smtp-sink';
import type { TestApp } from './testing/test-app';
import { runWorkerTick, workers } from './workers';

/*
 * Every bearer secret the portal hands out (testing/secret-exposure/planted-secrets.ts), against every
 * place it could be read back: each role calls every GET route it may reach (with the ids of real
 * fixtures), the vendor and device routes are called with their own credentials, the audit trail is
 * read whole, and everything the server prints is captured. A link shows only to a role that could
 * have issued it, and only while its mail waits without SMTP; after SMTP delivery no secret shows
 * anywhere.
 */
let t: TestApp;
let sink: SmtpSink;
let planted: PlantedSecrets;
const logged: string[] = [];

/** While mails wait without SMTP, the links each role could have issued itself; nothing else. */
const readableWhileHeld: Record<StaffRole, readonly string[]> = {
  admin: ['admin invitation', 'procurement invitation', 'held vendor link'],
  procurement: ['held vendor link'],
  reviewer: [],
  approver: [],
  auditor: [],
  viewer: [],
};

const leaksIn = (text: string, allowed: readonly string[] = []) => leaksOf(planted.secrets, text, allowed);
const everythingReadableBy = (role: StaffRole) => readableBy(t, planted, role);

beforeAll(async () => {
  captureLogs(logged);
  t = await assessmentTestApp();
  sink = await startSmtpSink();
  planted = await plantSecrets(t, sink);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await t?.close();
  await sink?.close();
});

describe('bearer secrets while mails wait without SMTP', () => {
  it.each(staffRoles)('a %s reads no secret it could not have issued, on any GET route', async (role) => {
    const { text, calls } = await everythingReadableBy(role);
    expect(calls).toBeGreaterThan(5);
    // Not even the caller's own session token: it lives in the httpOnly cookie only.
    expect(leaksIn(text, readableWhileHeld[role])).toEqual([]);
    // The sweep does find what the role is entitled to copy: it reaches the outbox.
    for (const name of readableWhileHeld[role]) expect(holds(text, planted.secrets.get(name)!)).toBe(true);
  });

  it('gives a vendor link and a device credential nothing beyond what they are', async () => {
    const vendor = await vendorCall(t, planted.heldVendorToken, '/api/vendor/assessment', {
      from: freshAddress(),
    });
    expect(vendor.status).toBe(200);
    expect(leaksIn(await vendor.text())).toEqual([]);
    const policy = await t.request('/api/ext/policy', {
      headers: { authorization: `Bearer ${planted.deviceCredential}` },
    });
    expect(policy.status).toBe(200);
    expect(leaksIn(await policy.text())).toEqual([]);
  });
});

describe('bearer secrets after SMTP delivery', () => {
  it('shows no secret to anyone once every mail went out, and the mails carried their links', async () => {
    t.deps.mailer = createMailer(sink.url, 'Sightline <sightline@test>');
    const held = await t.deps.db.select().from(emailOutbox).where(eq(emailOutbox.status, 'held'));
    expect(held.length).toBeGreaterThanOrEqual(3);
    for (const mail of held) {
      const retry = await t.request(`/api/outbox/${mail.id}/retry`, {
        method: 'POST',
        cookie: planted.cookies.get('admin'),
      });
      expect(retry.status).toBe(200);
    }
    await deliver(t);
    expect(sink.to('new-admin@example.test')[0]?.raw).toContain(planted.secrets.get('admin invitation'));
    expect(sink.to('held@exposure.example')[0]?.raw).toContain(planted.secrets.get('held vendor link'));
    for (const role of staffRoles) {
      const { text } = await everythingReadableBy(role);
      expect({ role, leaks: leaksIn(text, [`${role} session`]) }).toEqual({ role, leaks: [] });
    }
    expect(leaksIn(JSON.stringify(await t.deps.db.select().from(emailOutbox)))).toEqual([]);
    t.deps.mailer = noSmtp;
  });
});

describe('bearer secrets in the audit trail and the server log', () => {
  it('never writes a secret to the audit trail', async () => {
    const entries = JSON.stringify(await t.deps.db.select().from(auditLog));
    expect(entries.length).toBeGreaterThan(1000);
    expect(leaksIn(entries)).toEqual([]);
  });

  it('logs a failed mail insert, in a request and in a worker, without the link it carried', async () => {
    const vendorId = await createVendor(t, 'Log Test AI');
    const due = await sendAssessment(t, vendorId, {
      respondentEmail: 'boom-vendor@exposure.example',
      dueOn: dueInDays(t, 10),
    });
    planted.secrets.set('reminder-bound vendor link', due.token);
    // The outbox refuses mails to boom-* from here on, as a full disk or a lost connection would.
    await t.deps.db.execute(
      sql.raw(`create function refuse_boom() returns trigger language plpgsql as $$
        begin if new.to_address like 'boom-%' then raise exception 'outbox is down'; end if; return new; end $$`),
    );
    await t.deps.db.execute(
      sql.raw(
        'create trigger refuse_boom before insert on email_outbox for each row execute function refuse_boom()',
      ),
    );
    try {
      const before = logged.length;
      const invite = await t.request('/api/users/invitations', {
        method: 'POST',
        cookie: planted.cookies.get('admin'),
        json: { email: 'boom-admin@example.test', name: 'Boom', role: 'admin' },
      });
      expect(invite.status).toBe(500);
      t.clock.set(new Date(Date.now() + 3 * 86_400_000)); // 7 days before the due date: a reminder
      await runWorkerTick(workers.find((w) => w.name === 'assessment-schedule')!, t.deps);
      const output = logged.slice(before).join('\n');
      expect(output).toMatch(/\[[\w-]+\] 500 POST \/api\/users\/invitations: Unhandled error/);
      expect(output).toContain('worker assessment-schedule failed');
      expect(output).toContain('outbox is down');
      expect(output).not.toMatch(/accept-invitation#|\/v#|params:/);
    } finally {
      await t.deps.db.execute(sql.raw('drop trigger refuse_boom on email_outbox'));
      await t.deps.db.execute(sql.raw('drop function refuse_boom()'));
      t.clock.set(new Date());
    }
  });

  it('printed no secret at any point of these flows', () => {
    expect(logged.length).toBeGreaterThan(0);
    expect(leaksIn(logged.join('\n'))).toEqual([]);
  });
});
