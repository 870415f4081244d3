import { inspect } from 'node:util';
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
  json,
  sendAssessment,
  vendorCall,
} from './features/assessments/assessment-test-kit';
import { enrollTestDevice } from './features/extension-api/test-helpers';
import { createMailer } from './mail/mailer';
import { deliverDueMail } from './mail/outbox';
import { routeAccess } from './route-access';
import { type SmtpSink, startSmtpSink } from './testing/smtp-sink';
import type { TestApp } from './testing/test-app';
import { runWorkerTick, workers } from './workers';

/*
 * Every bearer secret the portal hands out, against every place it could be read back: each role
 * calls every GET route it may reach (with the ids of real fixtures), the vendor and device routes
 * are called with their own credentials, the audit trail is read whole, and everything the server
 * prints is captured. A link shows only to a role that could have issued it, and only while its mail
 * waits without SMTP; after SMTP delivery no secret shows anywhere.
 */
let t: TestApp;
let sink: SmtpSink;
const cookies = new Map<StaffRole, string>();
const logged: string[] = [];
const secrets = new Map<string, string>();
const ids = { device: '', template: '', vendor: '', assessments: [] as string[] };
let heldVendorToken = '';
let deviceCredential = '';
const noSmtp = createMailer(undefined, 'Sightline <sightline@test>');

/** While mails wait without SMTP, the links each role could have issued itself; nothing else. */
const readableWhileHeld: Record<StaffRole, readonly string[]> = {
  admin: ['admin invitation', 'procurement invitation', 'held vendor link'],
  procurement: ['held vendor link'],
  reviewer: [],
  approver: [],
  auditor: [],
  viewer: [],
};

/** Console output and anything written to stdout / stderr, as the server's log would hold it. */
function captureLogs() {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 6 }))).join(' '));
    });
  }
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      logged.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof stream.write);
  }
}

/** The raw session token inside a `better-auth.session_token=<token>.<signature>` cookie. */
function sessionTokenOf(cookie: string): string {
  return decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1)).split('.')[0]!;
}

/** Whether a text holds a secret, whole or a long piece of it (a truncated copy leaks as well). */
function holds(text: string, secret: string): boolean {
  return text.includes(secret) || text.includes(secret.slice(0, 16)) || text.includes(secret.slice(-16));
}

function leaksIn(text: string, allowed: readonly string[] = []): string[] {
  return [...secrets]
    .filter(([name, value]) => !allowed.includes(name) && holds(text, value))
    .map(([n]) => n);
}

/** Concrete URLs for a GET route: real fixture ids where the route takes one, a well-formed miss elsewhere. */
function urlsFor(pattern: string): string[] {
  const idsByPrefix: [string, string[]][] = [
    ['/api/devices/:id', [ids.device]],
    ['/api/templates/:id', [ids.template]],
    ['/api/vendors/:id', [ids.vendor]],
    ['/api/assessments/:id', ids.assessments],
  ];
  const real = idsByPrefix.find(([prefix]) => pattern.startsWith(prefix))?.[1] ?? [''];
  const query: Record<string, string> = { '/api/audit': '?limit=500' };
  return real.map(
    (id) =>
      pattern
        .replace(/:file\{[^}]+\}/, 'swagger-ui.css')
        .replace(':id', id || '00000000-0000-4000-8000-000000000000')
        .replace(/:([A-Za-z]+)(\{[^}]+\})?/g, '00000000-0000-4000-8000-000000000000')
        .replace(/\*$/, 'get-session') + (query[pattern] ?? ''),
  );
}

/** Every GET route the app serves, with its rule. */
function getRoutes() {
  const seen = new Set<string>();
  for (const r of t.app.routes) if (r.method === 'GET' && r.path.startsWith('/api/')) seen.add(r.path);
  return [...seen].flatMap((path) => {
    const rule = routeAccess[`GET ${path}`];
    return rule ? [{ path, rule }] : [];
  });
}

/** Everything one staff member can read: every GET route their role reaches, bodies concatenated. */
async function everythingReadableBy(role: StaffRole): Promise<{ text: string; calls: number }> {
  let text = '';
  let calls = 0;
  for (const { path, rule } of getRoutes()) {
    if (rule !== 'public' && !(Array.isArray(rule) && rule.includes(role))) continue;
    for (const url of urlsFor(path)) {
      const res = await t.request(url, { cookie: cookies.get(role) });
      expect(res.status, `${role} GET ${url}`).toBeLessThan(500);
      text += `\n${url} ${res.status} ${res.headers.get('set-cookie') ?? ''}\n${await res.text()}`;
      calls += 1;
    }
  }
  return { text, calls };
}

async function deliver() {
  t.clock.set(new Date());
  return deliverDueMail(t.serviceDeps());
}

beforeAll(async () => {
  captureLogs();
  t = await assessmentTestApp();
  sink = await startSmtpSink();
  for (const role of staffRoles) {
    cookies.set(role, await t.signInAs(role));
    secrets.set(`${role} session`, sessionTokenOf(cookies.get(role)!));
  }
  const admin = cookies.get('admin')!;
  const procurement = cookies.get('procurement')!;

  // Held mails (no SMTP): two invitations and a questionnaire link.
  t.deps.mailer = noSmtp;
  for (const role of ['admin', 'procurement'] as const) {
    const invited = await json<{ link: string }>(
      await t.request('/api/users/invitations', {
        method: 'POST',
        cookie: admin,
        json: { email: `new-${role}@example.test`, name: `New ${role}`, role },
      }),
      201,
    );
    secrets.set(`${role} invitation`, invited.link.split('#')[1]!);
  }
  ids.vendor = await createVendor(t, 'Exposure AI');
  const held = await sendAssessment(t, ids.vendor, { respondentEmail: 'held@exposure.example' });
  heldVendorToken = held.token;
  secrets.set('held vendor link', held.token);
  ids.assessments.push(held.id);
  await deliver();

  // A mail that went out over SMTP.
  t.deps.mailer = createMailer(sink.url, 'Sightline <sightline@test>');
  const sent = await json<{ id: string }>(
    await t.request('/api/assessments', {
      method: 'POST',
      cookie: procurement,
      json: {
        vendorId: ids.vendor,
        respondentName: 'Sam',
        respondentEmail: 'sent@exposure.example',
        dueOn: dueInDays(t, 21),
        send: true,
      },
    }),
    201,
  );
  ids.assessments.push(sent.id);
  expect(await deliver()).toBe(1);
  const mailed = sink.to('sent@exposure.example')[0]!.raw.match(/\/v#([A-Za-z0-9_-]{43})/)![1]!;
  secrets.set('sent vendor link', mailed);
  t.deps.mailer = noSmtp;

  // An enrollment token and the device credential it was exchanged for.
  const device = await enrollTestDevice(t);
  secrets.set('enrollment token', device.token);
  secrets.set('device credential', device.credential);
  deviceCredential = device.credential;
  ids.device = device.deviceId;

  const templates = await json<{ templates: { id: string }[] }>(
    await t.request('/api/templates', { cookie: admin }),
    200,
  );
  ids.template = templates.templates[0]!.id;
  expect(secrets.size).toBe(staffRoles.length + 6);
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
    for (const name of readableWhileHeld[role]) expect(holds(text, secrets.get(name)!)).toBe(true);
  });

  it('gives a vendor link and a device credential nothing beyond what they are', async () => {
    const vendor = await vendorCall(t, heldVendorToken, '/api/vendor/assessment', { from: freshAddress() });
    expect(vendor.status).toBe(200);
    expect(leaksIn(await vendor.text())).toEqual([]);
    const policy = await t.request('/api/ext/policy', {
      headers: { authorization: `Bearer ${deviceCredential}` },
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
        cookie: cookies.get('admin'),
      });
      expect(retry.status).toBe(200);
    }
    await deliver();
    expect(sink.to('new-admin@example.test')[0]?.raw).toContain(secrets.get('admin invitation'));
    expect(sink.to('held@exposure.example')[0]?.raw).toContain(secrets.get('held vendor link'));
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
    secrets.set('reminder-bound vendor link', due.token);
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
        cookie: cookies.get('admin'),
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
