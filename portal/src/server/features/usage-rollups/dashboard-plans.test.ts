import type { Db } from '@sightline/db/client';
import { rowsOf } from '@sightline/db/client';
import { device } from '@sightline/db/schema/devices';
import { personDepartment } from '@sightline/db/schema/directory';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { useByDepartment } from '../discovery/department-use';
import {
  distinctPeople,
  firstSeenOf,
  peoplePerDay,
  usageAndUnsanctionedPeople,
  usagePerService,
  visitsPerDayAndService,
  visitsPerDayByState,
} from '../discovery/usage-queries';
import { enrollTestDevice, testEvent } from '../extension-api/test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ start: new Date('2026-11-28T12:00:00Z') });
  const dev = await enrollTestDevice(t);
  const res = await t.request('/api/ext/events', {
    method: 'POST',
    json: { events: [testEvent({ occurredAt: '2026-11-27T10:00:00Z' })] },
    headers: dev.auth,
  });
  expect(res.status).toBe(200);
  // Someone with a department, or the breakdown by department would read nothing at all.
  const [enrolled] = await t.deps.db.select({ userKey: device.userKey }).from(device);
  await t.deps.db.insert(personDepartment).values({
    personKey: enrolled!.userKey!,
    department: 'Engineering',
    source: 'csv',
    updatedAt: new Date('2026-11-28T12:00:00Z'),
  });
});
afterAll(() => t?.close());

/** A stand-in database that records each statement the usage figures run, then runs it. */
function recording(db: Db) {
  const statements: SQL[] = [];
  const execute = (q: SQL) => {
    statements.push(q);
    return db.execute(q);
  };
  const proxy = { execute } as unknown as Db;
  return { proxy, statements };
}

/** Every relation a plan node reads, walking the JSON plan. */
function relationsIn(plan: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(plan)) for (const p of plan) relationsIn(p, into);
  else if (plan && typeof plan === 'object') {
    for (const [key, value] of Object.entries(plan)) {
      if (key === 'Relation Name' && typeof value === 'string') into.add(value);
      else relationsIn(value, into);
    }
  }
  return into;
}

describe('dashboard query plans', () => {
  it('read the rollups and never raw usage events', async () => {
    const { proxy, statements } = recording(t.deps.db);
    await usagePerService(proxy, '2026-09-01', '2026-11-28');
    await usagePerService(proxy, '2026-09-01', '2026-11-28', 'openai-chatgpt');
    await distinctPeople(proxy, '2026-09-01', '2026-11-28');
    await visitsPerDayAndService(proxy, '2026-09-01', '2026-11-28');
    await peoplePerDay(proxy, '2026-09-01', '2026-11-28', ['openai-chatgpt']);
    await peoplePerDay(proxy, '2026-09-01', '2026-11-28', 'any');
    await firstSeenOf(proxy, ['openai-chatgpt', 'perplexity']);
    const { unsanctionedPeople } = await usageAndUnsanctionedPeople(proxy, '2026-09-01', '2026-11-28');
    const byDepartment = await useByDepartment(
      proxy,
      { from: '2026-09-01', to: '2026-11-28' },
      unsanctionedPeople,
    );
    expect(byDepartment.rows).toEqual([{ department: 'Engineering', people: 1, unsanctionedPeople: 1 }]);
    await visitsPerDayByState(proxy, '2026-09-01', '2026-11-28');
    expect(statements).toHaveLength(11);
    for (const [i, statement] of statements.entries()) {
      const [row] = rowsOf<{ 'QUERY PLAN': unknown }>(
        await t.deps.db.execute(sql`explain (format json) ${statement}`),
      );
      const plan =
        typeof row?.['QUERY PLAN'] === 'string' ? JSON.parse(row['QUERY PLAN']) : row?.['QUERY PLAN'];
      const relations = [...relationsIn(plan)];
      expect(relations.length).toBeGreaterThan(0);
      // Raw events are partitioned (usage_event_yYYYYmMM, usage_event_default): none may appear.
      expect(relations.filter((r) => r.startsWith('usage_event'))).toEqual([]);
      // The breakdown by department (the service figures with the unsanctioned people, the
      // department map, the bitmaps of anyone) and the policy-state chart read no per-browser daily
      // rows either.
      if (i >= 7) expect(relations).not.toContain('usage_daily');
    }
  });
});
