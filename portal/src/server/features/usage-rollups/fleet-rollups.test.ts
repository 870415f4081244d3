import { servicePolicy } from '@sightline/db/schema/policy';
import { usageRollupDelta } from '@sightline/db/schema/usage';
import type { UsageEvent } from '@sightline/shared/extension-api/usage-events';
import { count } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import {
  distinctPeople,
  peoplePerDay,
  usagePerService,
  visitsPerDayAndService,
  visitsPerDayByState,
} from '../discovery/usage-queries';
import { enrollTestDevice } from '../extension-api/test-helpers';
import { foldRollupDeltas } from './fold-deltas';
import { rebuildFleetRollups } from './rebuild-fleet-rollups';

const NOW = new Date('2026-11-28T12:00:00Z');
const FROM = '2026-11-20';
const TO = '2026-11-28';
const SERVICES = ['openai-chatgpt', 'anthropic-claude', 'perplexity'] as const;
const KINDS = [
  'visit',
  'login',
  'paste',
  'upload',
  'api_call',
  'warning_shown',
  'blocked',
  'proceeded',
] as const;

let t: TestApp;
let browsers: { auth: Record<string, string> }[];
beforeAll(async () => {
  t = await createTestApp({ start: NOW });
  // Ada has two browsers (one person, two browsers); Bob and Cy one each.
  browsers = [];
  for (const hint of ['ada@example.com', 'ada@example.com', 'bob@example.com', 'cy@example.com'])
    browsers.push(await enrollTestDevice(t, hint));
  // Policies for two of the three services, so visits by state splits governed services from the rest.
  await t.deps.db.insert(servicePolicy).values([
    { serviceId: 'anthropic-claude', state: 'approved' },
    { serviceId: 'perplexity', state: 'blocked' },
  ]);
});
afterAll(() => t?.close());

const event = fc.record({
  browser: fc.integer({ min: 0, max: 3 }),
  service: fc.integer({ min: 0, max: SERVICES.length - 1 }),
  kind: fc.constantFrom(...KINDS),
  hoursAgo: fc.integer({ min: 0, max: 8 * 24 }),
  personal: fc.boolean(),
});
type GeneratedEvent = typeof event extends fc.Arbitrary<infer E> ? E : never;

function toUsageEvent(e: GeneratedEvent): UsageEvent {
  return {
    id: crypto.randomUUID(),
    kind: e.kind,
    serviceId: SERVICES[e.service]!,
    host: 'example.test',
    ...(e.kind === 'login' ? { accountHint: e.personal ? 'personal' : 'work' } : {}),
    ...(e.kind === 'paste' || e.kind === 'upload' ? { count: 1, bytes: 100 } : {}),
    occurredAt: new Date(NOW.getTime() - e.hoursAgo * 3_600_000).toISOString(),
  };
}

/** What the dashboard reads: per service, per day and service, and fleet-wide distinct counts. */
async function figures() {
  const db = t.deps.db;
  const perService = (await usagePerService(db, FROM, TO)).sort((a, b) =>
    a.serviceId.localeCompare(b.serviceId),
  );
  return {
    perService,
    visitsPerDay: await visitsPerDayAndService(db, FROM, TO),
    visitsByState: (await visitsPerDayByState(db, FROM, TO)).sort(
      (a, b) => a.day.localeCompare(b.day) || a.state.localeCompare(b.state),
    ),
    peoplePerDay: await peoplePerDay(db, FROM, TO, [...SERVICES]),
    anyPerDay: await peoplePerDay(db, FROM, TO, 'any'),
    distinct: await distinctPeople(db, FROM, TO),
    chatgpt: (await usagePerService(db, FROM, TO, 'openai-chatgpt'))[0] ?? null,
  };
}

async function pendingDeltas() {
  const [row] = await t.deps.db.select({ n: count() }).from(usageRollupDelta);
  return row?.n ?? 0;
}

describe('fleet-wide rollups', () => {
  it('read the same before the fold, after it, and rebuilt from the per-browser counts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(event, { maxLength: 30 }), { minLength: 1, maxLength: 6 }),
        async (batches) => {
          // Each run starts from an empty usage history.
          await t.deps.db.execute('truncate usage_daily, usage_event');
          await rebuildFleetRollups(t.deps.db);
          // Batches from different browsers at once; one browser's batches in order. The first ones are
          // folded before the rest arrive, so the figures read blocks and deltas of the same days.
          const folded = Math.floor(batches.length / 2);
          await sendAll(batches.slice(0, folded));
          await foldRollupDeltas(t.deps.db);
          await sendAll(batches.slice(folded));
          const pending = await figures();
          // Events with a service left deltas behind for the fold.
          if (batches.slice(folded).flat().length > 0) expect(await pendingDeltas()).toBeGreaterThan(0);
          await foldRollupDeltas(t.deps.db);
          expect(await pendingDeltas()).toBe(0);
          const afterFold = await figures();
          await rebuildFleetRollups(t.deps.db);
          const rebuilt = await figures();
          expect(afterFold).toEqual(pending);
          expect(rebuilt).toEqual(afterFold);
        },
      ),
      { numRuns: 15 },
    );
  });

  async function sendAll(batches: GeneratedEvent[][]) {
    await Promise.all(
      [0, 1, 2, 3].map(async (b) => {
        for (const batch of batches) {
          const events = batch.filter((e) => e.browser === b).map(toUsageEvent);
          if (events.length === 0) continue;
          const res = await t.request('/api/ext/events', {
            method: 'POST',
            json: { events },
            headers: browsers[b]!.auth,
          });
          expect(res.status).toBe(200);
        }
      }),
    );
  }

  it('counts each person once across browsers and services, and each browser once', async () => {
    await t.deps.db.execute('truncate usage_daily, usage_event');
    await rebuildFleetRollups(t.deps.db);
    const at = new Date(NOW.getTime() - 3_600_000).toISOString();
    const send = (b: number, serviceId: string) =>
      t.request('/api/ext/events', {
        method: 'POST',
        json: {
          events: [{ id: crypto.randomUUID(), kind: 'visit', serviceId, host: 'x.test', occurredAt: at }],
        },
        headers: browsers[b]!.auth,
      });
    for (const [b, s] of [
      [0, 'openai-chatgpt'],
      [1, 'openai-chatgpt'],
      [1, 'perplexity'],
      [2, 'openai-chatgpt'],
    ] as const)
      expect((await send(b, s)).status).toBe(200);
    await foldRollupDeltas(t.deps.db);
    // A second visit after the fold lands as a pending delta for a person already counted.
    expect((await send(0, 'openai-chatgpt')).status).toBe(200);
    expect(await distinctPeople(t.deps.db, FROM, TO)).toEqual({ people: 2, browsers: 3 });
    const chatgpt = (await usagePerService(t.deps.db, FROM, TO, 'openai-chatgpt'))[0];
    expect(chatgpt).toMatchObject({ people: 2, browsers: 3, visits: 4 });
  });
});
