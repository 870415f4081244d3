import { assessment } from '@sightline/db/schema/assessments';
import type { UsageEvent } from '@sightline/shared/extension-api/usage-events';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app';
import { assessmentTestApp, createVendor, dueInDays, json } from '../assessments/assessment-test-kit';
import { enrollTestDevice, testEvent } from '../extension-api/test-helpers';

type Service = {
  serviceId: string;
  visits: number;
  warnings: number;
  proceeds: number;
  blocks: number;
  assessment: { id: string; state: string } | null;
};

let t: TestApp;
beforeAll(async () => {
  t = await assessmentTestApp();
});
afterAll(() => t?.close());

const overview = async () =>
  (
    await json<{ services: Service[] }>(
      await t.request('/api/overview?days=30', { cookie: await t.signInAs('viewer') }),
      200,
    )
  ).services;
const service = async (id: string) => (await overview()).find((s) => s.serviceId === id);

async function send(auth: Record<string, string>, events: Partial<UsageEvent>[]) {
  const at = new Date(t.clock.now().getTime() - 60_000).toISOString();
  const res = await t.request('/api/ext/events', {
    method: 'POST',
    headers: auth,
    json: { events: events.map((e) => testEvent({ occurredAt: at, ...e })) },
  });
  expect(res.status).toBe(200);
}

const claude = { serviceId: 'anthropic-claude', host: 'claude.ai', matchedRule: 'domain:claude.ai' };
const gemini = {
  serviceId: 'google-gemini',
  host: 'gemini.google.com',
  matchedRule: 'domain:gemini.google.com',
};

async function assessmentOf(serviceId: string, state: (typeof assessment.$inferSelect)['state']) {
  const cookie = await t.signInAs('procurement');
  const vendorId = await createVendor(t, `Vendor of ${serviceId} ${state}`);
  const { id } = await json<{ id: string }>(
    await t.request('/api/assessments', {
      method: 'POST',
      cookie,
      json: {
        vendorId,
        serviceId,
        respondentName: 'V',
        respondentEmail: 'v@x.example',
        dueOn: dueInDays(t, 21),
      },
    }),
    201,
  );
  // How an assessment reaches each state is the lifecycle tests' subject; here only the state matters.
  await t.deps.db.update(assessment).set({ state }).where(eq(assessment.id, id));
  return id;
}

describe('overview of the services in use', () => {
  it('counts visits stopped at the warning or block page, with columns for warnings, proceeds and blocks', async () => {
    const dev = await enrollTestDevice(t);
    // Warned twice; proceeded once, which loads the page (a visit event) for that same visit.
    await send(dev.auth, [
      { kind: 'warning_shown', ...claude },
      { kind: 'warning_shown', ...claude },
      { kind: 'proceeded', ...claude },
      { kind: 'visit', ...claude },
    ]);
    await send(dev.auth, [{ kind: 'blocked', ...gemini }]);
    expect(await service('anthropic-claude')).toMatchObject({
      visits: 2,
      warnings: 2,
      proceeds: 1,
      blocks: 0,
    });
    expect(await service('google-gemini')).toMatchObject({ visits: 1, warnings: 0, proceeds: 0, blocks: 1 });
  });

  it("shows each service's assessment in its real state, those waiting for one first", async () => {
    const dev = await enrollTestDevice(t, 'grace@example.com');
    const chatgpt = { serviceId: 'openai-chatgpt', host: 'chatgpt.com', matchedRule: 'domain:chatgpt.com' };
    const perplexity = {
      serviceId: 'perplexity',
      host: 'www.perplexity.ai',
      matchedRule: 'domain:perplexity.ai',
    };
    await send(dev.auth, [chatgpt, perplexity, claude, gemini]);
    const underReview = await assessmentOf('openai-chatgpt', 'under_review');
    const draft = await assessmentOf('perplexity', 'draft');
    await assessmentOf('perplexity', 'revoked');
    const expired = await assessmentOf('google-gemini', 'expired');

    const services = await overview();
    const byId = new Map(services.map((s) => [s.serviceId, s.assessment]));
    expect(byId.get('openai-chatgpt')).toEqual({ id: underReview, state: 'under_review' });
    // The draft under way speaks for the service, not the newer revoked one.
    expect(byId.get('perplexity')).toEqual({ id: draft, state: 'draft' });
    expect(byId.get('google-gemini')).toEqual({ id: expired, state: 'expired' });
    expect(byId.get('anthropic-claude')).toBeNull();
    const waiting = services.map((s) => s.serviceId).slice(0, 2);
    expect(waiting.sort()).toEqual(['anthropic-claude', 'google-gemini']);
  });
});
