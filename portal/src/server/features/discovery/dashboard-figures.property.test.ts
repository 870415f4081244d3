import { device } from '@sightline/db/schema/devices';
import { servicePolicy } from '@sightline/db/schema/policy';
import { usageDaily } from '@sightline/db/schema/usage';
import { addDays, daysBetween } from '@sightline/shared/discovery/discovery-api';
import { type PolicyState, policyStates } from '@sightline/shared/policy/policy-states';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { rebuildFleetRollups } from '../usage-rollups/rebuild-fleet-rollups';

const NOW = new Date('2026-11-28T12:00:00Z');
const TODAY = '2026-11-28';
const SERVICES = ['openai-chatgpt', 'anthropic-claude', 'google-gemini', 'perplexity', 'deepseek-chat'];
const USERS = ['user-a', 'user-b', 'user-c', 'user-d'];

let t: TestApp;
let devices: string[] = [];
let cookie: string;
beforeAll(async () => {
  t = await createTestApp({ start: NOW });
  devices = (
    await t.deps.db
      .insert(device)
      .values([1, 2, 3, 4, 5].map((n) => ({ credentialHash: `property-${n}` })))
      .returning({ id: device.id })
  ).map((d) => d.id);
  cookie = await t.signInAs('viewer');
});
afterAll(() => t?.close());

const counter = (max: number) => fc.integer({ min: 0, max });
const row = fc.record({
  daysAgo: fc.integer({ min: 0, max: 60 }),
  service: fc.integer({ min: 0, max: SERVICES.length - 1 }),
  device: fc.integer({ min: 0, max: 4 }),
  user: fc.option(fc.integer({ min: 0, max: USERS.length - 1 }), { nil: null }),
  visits: counter(6),
  warnings: counter(3),
  blocks: counter(2),
  proceeds: counter(4),
  logins: counter(3),
  personal: counter(3),
  pastes: counter(5),
  uploads: counter(2),
});
type Row = typeof row extends fc.Arbitrary<infer R> ? R : never;

/** ?days=n, or a from–to range somewhere in the last 70 days. */
const range = fc.oneof(
  fc.integer({ min: 1, max: 45 }).map((days) => ({ days: String(days) })),
  fc
    .tuple(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 40 }))
    .map(([endAgo, length]) => ({ from: addDays(TODAY, -endAgo - length), to: addDays(TODAY, -endAgo) })),
);

const policies = fc.array(fc.option(fc.constantFrom(...policyStates), { nil: null }), {
  minLength: SERVICES.length,
  maxLength: SERVICES.length,
});

/** The figures counted plainly over the generated rows, the way the dashboard's help text defines them. */
function bruteForce(rows: Row[], from: string, to: string, stateOf: (s: string) => PolicyState) {
  const inRange = rows.filter((r) => {
    const day = addDays(TODAY, -r.daysAgo);
    return day >= from && day <= to;
  });
  const person = (r: Row) => (r.user === null ? `device-${r.device}` : USERS[r.user]!);
  const perService = new Map<string, { people: Set<string>; raw: number }>();
  for (const r of inRange) {
    const s = SERVICES[r.service]!;
    const entry = perService.get(s) ?? { people: new Set<string>(), raw: 0 };
    entry.people.add(person(r));
    entry.raw += r.visits + r.warnings + r.blocks - r.proceeds;
    perService.set(s, entry);
  }
  let visits = 0;
  let unsanctioned = 0;
  for (const [s, e] of perService) {
    const v = Math.max(0, e.raw);
    visits += v;
    if (stateOf(s) === 'unreviewed' || stateOf(s) === 'unapproved') unsanctioned += v;
  }
  const sum = (f: (r: Row) => number) => inRange.reduce((n, r) => n + f(r), 0);
  const logins = sum((r) => r.logins);
  return {
    figures: {
      servicesInUse: perService.size,
      people: new Set(inRange.map(person)).size,
      browsers: new Set(inRange.map((r) => r.device)).size,
      unsanctionedShare: visits > 0 ? unsanctioned / visits : null,
      personalShare: logins > 0 ? Math.min(1, sum((r) => r.personal) / logins) : null,
      pastes: sum((r) => r.pastes),
      uploads: sum((r) => r.uploads),
    },
    peoplePerService: Object.fromEntries([...perService].map(([s, e]) => [s, e.people.size])),
    /** Each person on `service`: days active and visits (the service page's people list). */
    peopleOnService: (service: string) => {
      const byPerson = new Map<string, { days: Set<string>; raw: number }>();
      for (const r of inRange.filter((r) => SERVICES[r.service] === service)) {
        const entry = byPerson.get(person(r)) ?? { days: new Set<string>(), raw: 0 };
        entry.days.add(String(r.daysAgo));
        entry.raw += r.visits + r.warnings + r.blocks - r.proceeds;
        byPerson.set(person(r), entry);
      }
      return Object.fromEntries(
        [...byPerson].map(([p, e]) => [p, { days: e.days.size, visits: Math.max(0, e.raw) }]),
      );
    },
    /** Visits on `day` to services whose policy is `state` (each service's day clamped at zero). */
    visitsOn: (day: string, state: PolicyState) => {
      let total = 0;
      for (const service of SERVICES.filter((s) => stateOf(s) === state)) {
        const raw = inRange
          .filter((r) => addDays(TODAY, -r.daysAgo) === day && SERVICES[r.service] === service)
          .reduce((n, r) => n + r.visits + r.warnings + r.blocks - r.proceeds, 0);
        total += Math.max(0, raw);
      }
      return total;
    },
    /** Distinct people on `day`, on `service` or (undefined) on any service. */
    peopleOn: (day: string, service?: string) =>
      new Set(
        inRange
          .filter((r) => addDays(TODAY, -r.daysAgo) === day && (!service || SERVICES[r.service] === service))
          .map(person),
      ).size,
  };
}

const close = (figures: Record<string, number | null>) =>
  Object.fromEntries(
    Object.entries(figures).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toFixed(9)) : v]),
  );

describe('dashboard figures', () => {
  it('equal a plain count over random daily rows and policies, for random periods and the period before', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(row, { maxLength: 60, selector: (r) => `${r.daysAgo}|${r.service}|${r.device}` }),
        policies,
        range,
        async (rows, states, query) => {
          await t.deps.db.delete(usageDaily);
          await t.deps.db.delete(servicePolicy);
          if (rows.length) {
            await t.deps.db.insert(usageDaily).values(
              rows.map((r) => ({
                day: addDays(TODAY, -r.daysAgo),
                serviceId: SERVICES[r.service]!,
                deviceId: devices[r.device]!,
                userKey: r.user === null ? null : USERS[r.user]!,
                visits: r.visits,
                warnings: r.warnings,
                blocks: r.blocks,
                proceeds: r.proceeds,
                logins: r.logins,
                personalAccountEvents: r.personal,
                pastes: r.pastes,
                uploads: r.uploads,
              })),
            );
          }
          // The rows stand for what ingestion counted per browser; the fleet's rollups follow from them.
          await rebuildFleetRollups(t.deps.db);
          const set = states.flatMap((state, i) => (state ? [{ serviceId: SERVICES[i]!, state }] : []));
          if (set.length) await t.deps.db.insert(servicePolicy).values(set);
          const stateOf = (s: string) => states[SERVICES.indexOf(s)] ?? 'unreviewed';

          const search = new URLSearchParams(query).toString();
          const dashRes = await t.request(`/api/discovery/dashboard?${search}`, { cookie });
          expect(dashRes.status).toBe(200);
          const dash = (await dashRes.json()) as {
            period: { from: string; to: string; previous: { from: string; to: string } };
            figures: Record<string, number | null>;
            previousFigures: Record<string, number | null>;
            newServices: { serviceId: string; firstSeen: string }[];
            topServices: { serviceId: string }[];
            peoplePerDay: Record<string, string | number>[];
            visitsByState: Record<string, string | number>[];
          };
          const from = 'from' in query ? query.from : addDays(TODAY, -(Number(query.days) - 1));
          const to = 'to' in query ? query.to : TODAY;
          expect([dash.period.from, dash.period.to]).toEqual([from, to]);
          // The previous period has the same length and ends the day before.
          const length = daysBetween(from, to);
          expect(dash.period.previous).toEqual({ from: addDays(from, -length - 1), to: addDays(from, -1) });
          const now = bruteForce(rows, dash.period.from, dash.period.to, stateOf);
          const before = bruteForce(rows, dash.period.previous.from, dash.period.previous.to, stateOf);
          expect(close(dash.figures)).toEqual(close(now.figures));
          expect(close(dash.previousFigures)).toEqual(close(before.figures));
          // The daily chart: people on each top service, and on any service (each person once a day).
          expect(dash.peoplePerDay).toHaveLength(length + 1);
          for (const day of dash.peoplePerDay) {
            expect(day.any).toBe(now.peopleOn(String(day.day)));
            for (const { serviceId } of dash.topServices)
              expect(day[serviceId]).toBe(now.peopleOn(String(day.day), serviceId));
          }
          // The policy-state chart: every day, visits per state.
          expect(dash.visitsByState).toHaveLength(length + 1);
          for (const day of dash.visitsByState)
            for (const state of policyStates) expect(day[state]).toBe(now.visitsOn(String(day.day), state));
          // New services: the first day the service appears at all falls inside the period.
          const firstDay = new Map<string, string>();
          for (const r of rows) {
            const day = addDays(TODAY, -r.daysAgo);
            const s = SERVICES[r.service]!;
            if (!firstDay.has(s) || day < firstDay.get(s)!) firstDay.set(s, day);
          }
          const expectedNew = [...firstDay]
            .filter(([, day]) => day >= from && day <= to)
            .map(([serviceId, firstSeen]) => ({ serviceId, firstSeen }));
          const byId = (a: { serviceId: string }, b: { serviceId: string }) =>
            a.serviceId.localeCompare(b.serviceId);
          expect(
            dash.newServices.map((n) => ({ serviceId: n.serviceId, firstSeen: n.firstSeen })).sort(byId),
          ).toEqual(expectedNew.sort(byId));

          const tableRes = await t.request(`/api/discovery/services?${search}&sort=people&pageSize=200`, {
            cookie,
          });
          expect(tableRes.status).toBe(200);
          const table = (await tableRes.json()) as {
            total: number;
            services: { serviceId: string; people: number }[];
          };
          expect(table.total).toBe(Object.keys(now.peoplePerService).length);
          expect(Object.fromEntries(table.services.map((s) => [s.serviceId, s.people]))).toEqual(
            now.peoplePerService,
          );
          // The service page's people list for each service used: days and visits per person.
          for (const serviceId of Object.keys(now.peoplePerService)) {
            const pageRes = await t.request(`/api/discovery/services/${serviceId}?${search}`, { cookie });
            expect(pageRes.status).toBe(200);
            const page = (await pageRes.json()) as {
              people: { person: string; days: number; visits: number; browserOnly: boolean }[];
            };
            const listed = Object.fromEntries(
              page.people.map((p) => [
                p.browserOnly ? `device-${devices.indexOf(p.person)}` : p.person,
                { days: p.days, visits: p.visits },
              ]),
            );
            expect(listed).toEqual(now.peopleOnService(serviceId));
          }
          // Sorted by people, most first.
          const people = table.services.map((s) => s.people);
          expect(people).toEqual([...people].sort((a, b) => b - a));
        },
      ),
      { numRuns: 30 },
    );
  }, 240_000);
});
