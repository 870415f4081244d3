import { randomBytes } from 'node:crypto';
import { shippedMigrationCount } from '@sightline/db/migrations-journal';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SERVED_BY } from './round-robin-proxy';
import { type StaffClient, staffClient } from './staff-client';
import { TwoInstanceCluster } from './two-instance-cluster';
import {
  everyMailSentThenBothInstancesTickedAgain,
  expectEachOutboxMailDeliveredOnce,
  lastTicks,
  startedMs,
} from './worker-rounds';

/**
 * What an operator running two instances relies on. One cluster (two-instance-cluster.ts) serves every
 * check: starting it takes minutes on a busy machine, and the checks build on each other (the first
 * admin's password, then their session). Needs a PostgreSQL server (DATABASE_URL).
 */
const serverUrl = process.env.DATABASE_URL;
const DEVICE_BUDGET = 12;
const ADMIN_EMAIL = 'admin@two-instances.test';
const STARTS_MS = 240_000;
/** Long enough for every instance to run its one-minute reminder worker after a change. */
const WORKER_ROUNDS_MS = 200_000;

describe.skipIf(!serverUrl)('two portal instances on one database behind a round-robin proxy', () => {
  const cluster = new TwoInstanceCluster({
    serverUrl: serverUrl!,
    adminEmail: ADMIN_EMAIL,
    deviceBudget: DEVICE_BUDGET,
    startsMs: STARTS_MS,
  });
  let admin: StaffClient;
  let adminPassword: string;

  beforeAll(() => cluster.start(), STARTS_MS + 30_000);
  afterAll(() => cluster.stop());

  it('both start at once on a fresh database, and the migrations and first-start work run exactly once', async () => {
    const failures = cluster.started.flatMap((s) => (s.status === 'rejected' ? [String(s.reason)] : []));
    expect(failures).toEqual([]);
    expect(cluster.waitersSeen).toBe(2);

    const shipped = shippedMigrationCount();
    const [migrations] = await cluster.sql<{ rows: number; distinct: number }[]>`
      select count(*)::int as rows, count(distinct hash)::int as distinct from drizzle.__drizzle_migrations`;
    expect(migrations).toEqual({ rows: shipped, distinct: shipped });

    // One first admin, announced by one instance only; one settings row; each template once.
    const printed = cluster.instances().filter((i) => /password:\s+\S+/.test(i.output()));
    expect(printed).toHaveLength(1);
    const [counts] = await cluster.sql<
      { users: number; created: number; settings: number; dupTemplates: number }[]
    >`
      select
        (select count(*)::int from "user") as users,
        (select count(*)::int from audit_log where action = 'staff.first_admin_created') as created,
        (select count(*)::int from org_settings) as settings,
        (select count(*)::int - count(distinct (key, version))::int from questionnaire_template) as "dupTemplates"`;
    expect(counts).toEqual({ users: 1, created: 1, settings: 1, dupTemplates: 0 });

    adminPassword = /password:\s+(\S+)/.exec(printed[0]!.output())![1]!;
  });

  it('a staff session made through one instance works on the other, and signing out ends it on both', async () => {
    admin = staffClient(cluster.proxy.url);
    const signedIn = await admin.call('/api/auth/sign-in/email', {
      method: 'POST',
      json: { email: ADMIN_EMAIL, password: adminPassword },
    });
    expect(signedIn.status).toBe(200);
    const newPassword = randomBytes(18).toString('base64url');
    const changed = await admin.call('/api/auth/change-password', {
      method: 'POST',
      json: { currentPassword: adminPassword, newPassword },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get(SERVED_BY)).not.toBe(signedIn.headers.get(SERVED_BY));
    adminPassword = newPassword;

    const answers = [];
    for (let i = 0; i < 6; i++) {
      const path = i % 2 ? '/api/vendors' : '/api/me';
      const res =
        i === 3
          ? await admin.call('/api/vendors', { method: 'POST', json: { name: 'Session Check Ltd' } })
          : await admin.call(path);
      answers.push({ status: res.status, by: res.headers.get(SERVED_BY) });
    }
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 201, 200, 200]);
    expect(new Set(answers.map((a) => a.by))).toEqual(new Set(['0', '1']));

    const signedOut = await admin.call('/api/auth/sign-out', { method: 'POST', json: {} });
    expect(signedOut.status).toBe(200);
    const after = await staffClient(cluster.proxy.url, admin.cookie()).call('/api/me');
    expect(after.headers.get(SERVED_BY)).not.toBe(signedOut.headers.get(SERVED_BY));
    expect(after.status).toBe(401);

    admin = staffClient(cluster.proxy.url);
    const again = await admin.call('/api/auth/sign-in/email', {
      method: 'POST',
      json: { email: ADMIN_EMAIL, password: adminPassword },
    });
    expect(again.status).toBe(200);
  });

  it('holds each browser to its request budget in total, whichever instance answers', async () => {
    const created = await admin.call('/api/enrollment-tokens', { method: 'POST', json: { label: 'two' } });
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: string };
    const enroll = async (who: string) => {
      const res = await fetch(`${cluster.proxy.url}/api/ext/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, userHint: who, browser: 'chrome', platform: 'linux' }),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { credential: string }).credential;
    };
    const policy = (credential: string) =>
      fetch(`${cluster.proxy.url}/api/ext/policy`, {
        headers: { authorization: `Bearer ${credential}` },
      }).then(async (res) => {
        await res.arrayBuffer();
        return {
          status: res.status,
          by: res.headers.get(SERVED_BY),
          retryAfter: res.headers.get('retry-after'),
        };
      });

    // One after the other: the proxy alternates, so each instance has seen only half the budget
    // when the browser has spent all of it. Per-process counting would let the next ones through.
    const steady = await enroll('steady@example.com');
    const within = [];
    for (let i = 0; i < DEVICE_BUDGET; i++) within.push(await policy(steady));
    expect(within.map((a) => a.status)).toEqual(Array(DEVICE_BUDGET).fill(200));
    expect(within.filter((a) => a.by === '0')).toHaveLength(DEVICE_BUDGET / 2);
    const over = [];
    for (let i = 0; i < 4; i++) over.push(await policy(steady));
    expect(over.map((a) => a.status)).toEqual([429, 429, 429, 429]);
    expect(new Set(over.map((a) => a.by))).toEqual(new Set(['0', '1']));
    for (const refused of over) expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);

    // All at once: both instances count in the same database row, so exactly the budget gets in.
    const burst = await enroll('burst@example.com');
    const all = await Promise.all(Array.from({ length: DEVICE_BUDGET * 3 }, () => policy(burst)));
    expect(all.filter((a) => a.status === 200)).toHaveLength(DEVICE_BUDGET);
    expect(all.filter((a) => a.status === 429)).toHaveLength(DEVICE_BUDGET * 2);
  });

  it(
    'sends each queued mail and each due reminder once, though both instances run the workers',
    async () => {
      const vendors = ['Alpha', 'Bravo', 'Charlie', 'Delta'];
      const dueIn21 = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
      const assessmentIds: string[] = [];
      for (const name of vendors) {
        const vendor = await admin.call('/api/vendors', { method: 'POST', json: { name: `${name} AI` } });
        expect(vendor.status).toBe(201);
        const { id: vendorId } = (await vendor.json()) as { id: string };
        const sent = await admin.call('/api/assessments', {
          method: 'POST',
          json: {
            vendorId,
            respondentName: `${name} Respondent`,
            respondentEmail: `${name.toLowerCase()}@vendor.test`,
            dueOn: dueIn21,
            send: true,
            useContext: {
              purpose: 'Drafting internal documents',
              dataCategories: ['internal'],
              expectedUsers: 40,
              decisionsAboutPeople: 'none',
              autonomy: 'none',
              euAiActClass: 'minimal',
            },
          },
        });
        expect(sent.status, await sent.clone().text()).toBe(201);
        assessmentIds.push(((await sent.json()) as { id: string }).id);
      }
      for (const person of ['ann', 'ben', 'cat']) {
        const invited = await admin.call('/api/users/invitations', {
          method: 'POST',
          json: { email: `${person}@staff.test`, name: person, role: 'reviewer' },
        });
        expect(invited.status).toBe(201);
      }

      await everyMailSentThenBothInstancesTickedAgain(cluster);
      await expectEachOutboxMailDeliveredOnce(cluster, 7);

      // Time passes: the questionnaires are now due in 5 days, so the 7-day reminder is due.
      const changedAt = Date.now();
      await cluster.sql`update assessment set due_on = current_date + 5 where id in ${cluster.sql(assessmentIds)}`;
      await vi.waitFor(
        async () => {
          for (const url of cluster.instanceUrls)
            expect(startedMs((await lastTicks(url))['assessment-schedule'])).toBeGreaterThan(changedAt);
        },
        { timeout: WORKER_ROUNDS_MS, interval: 1_000 },
      );
      await everyMailSentThenBothInstancesTickedAgain(cluster);
      await expectEachOutboxMailDeliveredOnce(cluster, 11);

      const reminders = await cluster.sql<{ target_id: string; n: number }[]>`
        select target_id, count(*)::int as n from audit_log
        where action = 'assessment.reminder_sent' group by target_id`;
      expect(reminders.map((r) => [r.target_id, r.n]).sort()).toEqual(
        assessmentIds.map((id) => [id, 1]).sort(),
      );
      for (const name of vendors) {
        const mails = cluster.smtp
          .to(`${name.toLowerCase()}@vendor.test`)
          .filter((m) => /^Subject: Reminder/im.test(m.raw));
        expect(mails).toHaveLength(1);
      }
    },
    WORKER_ROUNDS_MS + 120_000,
  );
});
