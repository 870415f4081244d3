import { auditLog } from '@sightline/db/schema/audit';
import { vendor, vendorService } from '@sightline/db/schema/vendors';
import type { UsageEvent } from '@sightline/shared/extension-api/usage-events';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import { errorOf } from '../../testing/typed-response';
import { assessmentTestApp, dueInDays, json } from '../assessments/assessment-test-kit';
import { enrollTestDevice, testEvent } from '../extension-api/test-helpers';

const NOW = new Date('2026-11-28T12:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await assessmentTestApp({ start: NOW });
});
afterAll(() => t?.close());

async function send(auth: Record<string, string>, events: Partial<UsageEvent>[]) {
  const res = await t.request('/api/ext/events', {
    method: 'POST',
    headers: auth,
    json: {
      events: events.map((e) =>
        testEvent({ occurredAt: new Date(NOW.getTime() - 3_600_000).toISOString(), ...e }),
      ),
    },
  });
  expect(res.status).toBe(200);
}

describe('dashboard query checks', () => {
  it.each([
    'days=0',
    'days=401',
    'days=abc',
    'days=7.5',
    'from=2026-11-01',
    'to=2026-11-01',
    'from=2026-11-10&to=2026-11-01',
    'from=2025-01-01&to=2026-11-01',
    'from=2026-02-30&to=2026-03-02',
    'from=26-1-1&to=2026-01-02',
    'days=7&from=2026-11-01&to=2026-11-02',
    'color=blue',
  ])('refuses %s with a 400 in the shared error shape', async (query) => {
    const cookie = await t.signInAs('viewer');
    for (const path of [
      '/api/discovery/dashboard',
      '/api/discovery/services',
      '/api/discovery/services/openai-chatgpt',
    ]) {
      const res = await t.request(`${path}?${query}`, { cookie });
      expect(res.status, `${path}?${query}`).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('bad_request');
    }
  });

  it.each(['sort=loudest', 'pageSize=0', 'pageSize=201', 'page=0', 'page=x'])(
    'refuses the service table query %s with a 400',
    async (query) => {
      const res = await t.request(`/api/discovery/services?${query}`, { cookie: await t.signInAs('viewer') });
      expect(res.status).toBe(400);
    },
  );

  it('accepts a full 400-day range and a one-day range', async () => {
    const cookie = await t.signInAs('viewer');
    const long = await t.request('/api/discovery/dashboard?from=2025-10-25&to=2026-11-28', { cookie });
    expect(long.status).toBe(200);
    expect(((await long.json()) as { period: { days: number } }).period.days).toBe(400);
    const one = await t.request('/api/discovery/dashboard?from=2026-11-28&to=2026-11-28', { cookie });
    expect(one.status).toBe(200);
  });

  it('answers 400 for a malformed service id and 404 for an unknown one', async () => {
    const cookie = await t.signInAs('viewer');
    expect((await t.request('/api/discovery/services/Not%20An%20Id', { cookie })).status).toBe(400);
    expect((await t.request('/api/discovery/services/OPENAI', { cookie })).status).toBe(400);
    expect((await t.request(`/api/discovery/services/${'a'.repeat(121)}`, { cookie })).status).toBe(400);
    const unknown = await t.request('/api/discovery/services/no-such-service', { cookie });
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).error.code).toBe('not_found');
  });
});

describe('empty dashboard', () => {
  it('tells whether browsers are enrolled and whether any use was ever reported', async () => {
    const fresh = await assessmentTestApp({ start: NOW });
    try {
      const cookie = await fresh.signInAs('viewer');
      const get = async () =>
        (await (await fresh.request('/api/discovery/dashboard?days=30', { cookie })).json()) as {
          setup: { enrolledBrowsers: number; anyUsageEver: boolean };
          figures: { servicesInUse: number };
        };
      expect((await get()).setup).toEqual({ enrolledBrowsers: 0, anyUsageEver: false });
      await enrollTestDevice(fresh);
      expect((await get()).setup).toEqual({ enrolledBrowsers: 1, anyUsageEver: false });
    } finally {
      await fresh.close();
    }
  });
});

describe('service page', () => {
  it('shows people as stored, events by kind, pages calling the API, requests and the policy history', async () => {
    const dev = await enrollTestDevice(t, 'grace@example.com');
    const claude = { serviceId: 'anthropic-claude', host: 'claude.ai', matchedRule: 'domain:claude.ai' };
    await send(dev.auth, [
      { kind: 'visit', ...claude },
      { kind: 'login', accountHint: 'personal', ...claude },
      { kind: 'paste', count: 2, bytes: 300, ...claude },
      {
        kind: 'api_call',
        serviceId: 'anthropic-claude',
        host: 'api.anthropic.com',
        initiatorHost: 'intranet.example.com',
      },
    ]);
    const request = await t.request('/api/ext/requests', {
      method: 'POST',
      headers: dev.auth,
      json: {
        clientRequestId: crypto.randomUUID(),
        serviceId: 'anthropic-claude',
        justification: 'Summaries of public papers for the research team',
        intendedUse: 'Summarising papers',
        dataCategories: ['public'],
      },
    });
    expect(request.status).toBeLessThan(300);
    const admin = await t.signInAs('admin');
    for (const state of ['unapproved', 'approved'] as const) {
      const res = await t.request('/api/policy/services/anthropic-claude', {
        method: 'PUT',
        cookie: admin,
        json: { state },
      });
      expect(res.status).toBe(200);
    }

    const res = await t.request('/api/discovery/services/anthropic-claude?days=7', {
      cookie: await t.signInAs('viewer'),
    });
    const page = await json<{
      service: { name: string };
      totals: {
        visits: number;
        logins: number;
        personalAccountEvents: number;
        pastes: number;
        apiCalls: number;
      };
      people: { userKey: string | null; label: string | null }[];
      apiCallers: { initiatorHost: string; apiHost: string; calls: number }[];
      accessRequests: { status: string }[];
      policy: { state: string };
      policyHistory: { from: string; to: string }[];
    }>(res, 200);
    expect(page.service.name).toBe('Claude');
    expect(page.totals).toMatchObject({
      visits: 1,
      logins: 1,
      personalAccountEvents: 1,
      pastes: 2,
      apiCalls: 1,
    });
    // Pseudonymised by default: a key, never the email.
    expect(page.people).toHaveLength(1);
    expect(page.people[0]!.userKey).toMatch(/^p_/);
    expect(JSON.stringify(page)).not.toContain('grace@example.com');
    expect(page.apiCallers).toEqual([
      expect.objectContaining({
        initiatorHost: 'intranet.example.com',
        apiHost: 'api.anthropic.com',
        calls: 1,
      }),
    ]);
    expect(page.accessRequests.map((r) => r.status)).toEqual(['open']);
    expect(page.policy.state).toBe('approved');
    expect(page.policyHistory.map((h) => [h.from, h.to])).toEqual([
      ['unapproved', 'approved'],
      ['unreviewed', 'unapproved'],
    ]);
  });

  it('shows a catalog service nobody used yet, with no people', async () => {
    const res = await t.request('/api/discovery/services/google-gemini', {
      cookie: await t.signInAs('viewer'),
    });
    const page = await json<{ peopleCount: number; service: { inCatalog: boolean } }>(res, 200);
    expect(page).toMatchObject({ peopleCount: 0, service: { inCatalog: true } });
  });
});

describe('starting an assessment from a service', () => {
  const start = async (serviceId: string) =>
    t.request('/api/assessments', {
      method: 'POST',
      cookie: await t.signInAs('procurement'),
      json: { serviceId, respondentName: 'V', respondentEmail: 'v@vendor.example', dueOn: dueInDays(t, 21) },
    });

  it("creates the catalog's vendor when none provides the service yet, audited, and reuses it for its other services", async () => {
    const first = await json<{ id: string }>(await start('openai-chatgpt'), 201);
    const vendors = await t.deps.db.select().from(vendor).where(eq(vendor.name, 'OpenAI'));
    expect(vendors).toHaveLength(1);
    const openai = vendors[0]!;
    expect(openai.website).toBe('https://openai.com');
    const links = await t.deps.db.select().from(vendorService).where(eq(vendorService.vendorId, openai.id));
    expect(links.map((l) => l.serviceId)).toEqual(['openai-chatgpt']);
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'vendor.created'), eq(auditLog.targetId, openai.id)));
    expect(audit[0]?.details).toEqual({ name: 'OpenAI', fromCatalogService: 'openai-chatgpt' });
    const assessment = await json<{ vendorId: string }>(
      await t.request(`/api/assessments/${first.id}`, { cookie: await t.signInAs('procurement') }),
      200,
    );
    expect(assessment.vendorId ?? (assessment as { vendor?: { id: string } }).vendor?.id).toBe(openai.id);

    // Another OpenAI service: the same vendor, now linked to both.
    await json(await start('openai-platform'), 201);
    expect(await t.deps.db.select().from(vendor).where(eq(vendor.name, 'OpenAI'))).toHaveLength(1);
    const after = await t.deps.db.select().from(vendorService).where(eq(vendorService.vendorId, openai.id));
    expect(after.map((l) => l.serviceId).sort()).toEqual(['openai-chatgpt', 'openai-platform']);
  });

  it('still asks for the vendor when the service is not in the catalog', async () => {
    const res = await start('made-up-service');
    expect(res.status).toBe(400);
    expect(await t.deps.db.select().from(vendor).where(eq(vendor.name, 'made-up-service'))).toHaveLength(0);
  });
});
