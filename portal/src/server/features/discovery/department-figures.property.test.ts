import { device } from '@sightline/db/schema/devices';
import { personDepartment } from '@sightline/db/schema/directory';
import { servicePolicy } from '@sightline/db/schema/policy';
import { usageDaily } from '@sightline/db/schema/usage';
import { addDays } from '@sightline/shared/discovery/discovery-api';
import { type PolicyState, policyStates } from '@sightline/shared/policy/policy-states';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { rebuildFleetRollups } from '../usage-rollups/rebuild-fleet-rollups';
import { unsanctionedStates } from './headline-figures';

const NOW = new Date('2026-11-28T12:00:00Z');
const TODAY = '2026-11-28';
const SERVICES = ['openai-chatgpt', 'anthropic-claude', 'google-gemini', 'perplexity'];
/** user-z never uses anything: a mapped person who is not in the usage. */
const USERS = ['user-a', 'user-b', 'user-c', 'user-d', 'user-e', 'user-z'];
const DEPARTMENTS = ['Engineering', 'Sales', 'Legal'];

let t: TestApp;
let devices: string[] = [];
let cookie: string;
beforeAll(async () => {
  t = await createTestApp({ start: NOW });
  devices = (
    await t.deps.db
      .insert(device)
      .values([1, 2, 3, 4, 5, 6].map((n) => ({ credentialHash: `department-property-${n}` })))
      .returning({ id: device.id })
  ).map((d) => d.id);
  // A viewer reads the breakdown as they read the dashboard.
  cookie = await t.signInAs('viewer');
});
afterAll(() => t?.close());

const counter = (max: number) => fc.integer({ min: 0, max });
const row = fc.record({
  daysAgo: fc.integer({ min: 0, max: 40 }),
  service: fc.integer({ min: 0, max: SERVICES.length - 1 }),
  device: fc.integer({ min: 0, max: 5 }),
  user: fc.option(fc.integer({ min: 0, max: USERS.length - 2 }), { nil: null }),
  visits: counter(5),
  warnings: counter(2),
  blocks: counter(2),
  proceeds: counter(4),
});
type Row = typeof row extends fc.Arbitrary<infer R> ? R : never;

/** Each user's department, or none. */
const mapping = fc.array(fc.option(fc.constantFrom(...DEPARTMENTS), { nil: null }), {
  minLength: USERS.length,
  maxLength: USERS.length,
});
const policies = fc.array(fc.option(fc.constantFrom(...policyStates), { nil: null }), {
  minLength: SERVICES.length,
  maxLength: SERVICES.length,
});
const range = fc
  .tuple(fc.integer({ min: 0, max: 45 }), fc.integer({ min: 0, max: 30 }))
  .map(([endAgo, length]) => ({ from: addDays(TODAY, -endAgo - length), to: addDays(TODAY, -endAgo) }));

type Tally = { people: Set<string>; unsanctioned: Set<string>; personDays: Set<string> };

/** The breakdowns counted plainly: each person once per department, unknown people under null. */
function bruteForce(
  rows: Row[],
  departments: (string | null)[],
  stateOf: (s: string) => PolicyState,
  period: { from: string; to: string },
) {
  const person = (r: Row) => (r.user === null ? `device-${r.device}` : USERS[r.user]!);
  const departmentOf = (r: Row) => (r.user === null ? null : departments[r.user]!);
  const everSeen = new Set(rows.map(person));
  const mappedPeople = USERS.filter((u, i) => departments[i] && everSeen.has(u)).length;
  const inRange = rows.filter((r) => {
    const day = addDays(TODAY, -r.daysAgo);
    return day >= period.from && day <= period.to;
  });
  const tally = (rs: Row[]) => {
    const by = new Map<string | null, Tally>();
    for (const r of rs) {
      const d = departmentOf(r);
      const entry = by.get(d) ?? {
        people: new Set<string>(),
        unsanctioned: new Set<string>(),
        personDays: new Set<string>(),
      };
      entry.people.add(person(r));
      if (unsanctionedStates.includes(stateOf(SERVICES[r.service]!))) entry.unsanctioned.add(person(r));
      // Two browsers of one person on one day are one day of use.
      entry.personDays.add(`${person(r)}|${r.daysAgo}`);
      by.set(d, entry);
    }
    return by;
  };
  const dashboard =
    mappedPeople === 0
      ? []
      : [...tally(inRange)].map(([department, e]) => ({
          department,
          people: e.people.size,
          unsanctionedPeople: e.unsanctioned.size,
        }));
  const onService = (service: string) =>
    mappedPeople === 0
      ? []
      : [...tally(inRange.filter((r) => SERVICES[r.service] === service))].map(([department, e]) => ({
          department,
          people: e.people.size,
          activeDays: e.personDays.size,
        }));
  const services = [...new Set(inRange.map((r) => SERVICES[r.service]!))];
  return {
    mappedPeople,
    dashboard,
    onService,
    services,
    departmentOfUser: (u: string) => departments[USERS.indexOf(u)] ?? null,
  };
}

const byName = (a: { department: string | null }, b: { department: string | null }) =>
  String(a.department).localeCompare(String(b.department));

describe('use by department', () => {
  it('equals a plain count over random daily rows, mappings and policies, on the dashboard and every service page', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(row, { maxLength: 50, selector: (r) => `${r.daysAgo}|${r.service}|${r.device}` }),
        mapping,
        policies,
        range,
        async (rows, departments, states, period) => {
          await t.deps.db.delete(usageDaily);
          await t.deps.db.delete(servicePolicy);
          await t.deps.db.delete(personDepartment);
          if (rows.length)
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
              })),
            );
          await rebuildFleetRollups(t.deps.db);
          const mapped = departments.flatMap((department, i) =>
            department ? [{ personKey: USERS[i]!, department, source: 'csv' as const, updatedAt: NOW }] : [],
          );
          if (mapped.length) await t.deps.db.insert(personDepartment).values(mapped);
          const set = states.flatMap((state, i) => (state ? [{ serviceId: SERVICES[i]!, state }] : []));
          if (set.length) await t.deps.db.insert(servicePolicy).values(set);
          const expected = bruteForce(
            rows,
            departments,
            (s) => states[SERVICES.indexOf(s)] ?? 'unreviewed',
            period,
          );
          const search = new URLSearchParams(period).toString();

          const dash = await t.request(`/api/discovery/dashboard?${search}`, { cookie });
          expect(dash.status).toBe(200);
          const { byDepartment } = (await dash.json()) as {
            byDepartment: { mappedPeople: number; rows: { department: string | null; people: number }[] };
          };
          expect(byDepartment.mappedPeople).toBe(expected.mappedPeople);
          expect([...byDepartment.rows].sort(byName)).toEqual(expected.dashboard.sort(byName));
          // Largest first, the unknown last.
          const named = byDepartment.rows.filter((r) => r.department !== null).map((r) => r.people);
          expect(named).toEqual([...named].sort((a, b) => b - a));
          expect(byDepartment.rows.findIndex((r) => r.department === null)).toBeOneOf([
            -1,
            byDepartment.rows.length - 1,
          ]);

          for (const serviceId of expected.services) {
            const page = await t.request(`/api/discovery/services/${serviceId}?${search}`, { cookie });
            expect(page.status).toBe(200);
            const detail = (await page.json()) as {
              byDepartment: { rows: unknown[] };
              people: { person: string; browserOnly: boolean; department: string | null }[];
            };
            expect([...(detail.byDepartment.rows as { department: string | null }[])].sort(byName)).toEqual(
              expected.onService(serviceId).sort(byName),
            );
            for (const p of detail.people)
              expect(p.department).toBe(p.browserOnly ? null : expected.departmentOfUser(p.person));
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 240_000);
});
