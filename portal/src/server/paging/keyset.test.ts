import type { DbHandle } from '@sightline/db/client';
import { openTestDb } from '@sightline/db/testing/test-db';
import { encodeCursor } from '@sightline/shared/http/paging';
import { sql } from 'drizzle-orm';
import { integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { type Keyset, keyset } from './keyset';
import { type SortKey, sortKeys } from './sort-keys';

// A scratch table with every kind of sort column the lists use, few distinct values (so ties cross
// page edges often) and nulls in the nullable ones.
const mood = pgEnum('paging_probe_mood', ['low', 'mid', 'high']);
const probe = pgTable('paging_probe', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  rank: integer('rank'),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  seenAt: timestamp('seen_at', { withTimezone: true, mode: 'date' }),
  mood: mood('mood').notNull(),
});

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
  await handle.db.execute(sql`create type paging_probe_mood as enum ('low', 'mid', 'high')`);
  await handle.db.execute(sql`create table paging_probe (
    id uuid primary key, name text not null, rank integer, at timestamptz not null,
    seen_at timestamptz, mood paging_probe_mood not null)`);
});
afterAll(() => handle?.close());

const orders: Record<string, SortKey[]> = {
  'name, id (one direction: a row comparison)': [
    sortKeys.text(probe.name, 'asc'),
    sortKeys.uuid(probe.id, 'asc'),
  ],
  'newest first to the microsecond': [sortKeys.instant(probe.at, 'desc'), sortKeys.uuid(probe.id, 'desc')],
  'enum up, nullable count down, id': [
    sortKeys.enumOf(probe.mood, 'asc'),
    sortKeys.integer(probe.rank, 'desc'),
    sortKeys.uuid(probe.id, 'asc'),
  ],
  'nullable time down (nulls first), nullable count up (nulls last), id': [
    sortKeys.instant(probe.seenAt, 'desc'),
    sortKeys.integer(probe.rank, 'asc'),
    sortKeys.uuid(probe.id, 'desc'),
  ],
};

const base = Date.UTC(2026, 0, 1);
const rowArb = fc.record({
  id: fc.uuid({ version: 4 }),
  name: fc.constantFrom<string>('Ada', 'ada', 'Ábel', 'Bob', 'Zoë', ''),
  rank: fc.option(fc.integer({ min: -2, max: 2 }), { nil: null }),
  // Microseconds apart: a JS Date alone could not tell these apart.
  atMicros: fc.integer({ min: 0, max: 3 }),
  seenAt: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
  mood: fc.constantFrom<'low' | 'mid' | 'high'>('low', 'mid', 'high'),
});
type ProbeInput = typeof rowArb extends fc.Arbitrary<infer R> ? R : never;

async function reset(rows: ProbeInput[]) {
  const { db } = handle;
  await db.execute(sql`truncate paging_probe`);
  for (const r of rows) {
    await db.execute(sql`insert into paging_probe values (${r.id}, ${r.name}, ${r.rank},
      timestamptz '2026-01-01 00:00:00Z' + ${r.atMicros} * interval '1 microsecond',
      ${r.seenAt === null ? null : new Date(base + r.seenAt * 1000).toISOString()}, ${r.mood})`);
  }
}

async function pageOf(set: Keyset, cursor: string | undefined, limit: number) {
  const rows = await handle.db
    .select({ id: probe.id, ...set.select })
    .from(probe)
    .where(set.after(cursor))
    .orderBy(...set.orderBy)
    .limit(limit + 1);
  return set.page(rows, limit);
}

async function walk(set: Keyset, limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await pageOf(set, cursor, limit);
    pages += 1;
    ids.push(...page.items.map((r) => r.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages < 1000);
  return { ids, pages };
}

async function wholeOrder(set: Keyset): Promise<string[]> {
  const rows = await handle.db
    .select({ id: probe.id })
    .from(probe)
    .orderBy(...set.orderBy);
  return rows.map((r) => r.id);
}

describe('keyset paging', () => {
  for (const [title, keys] of Object.entries(orders)) {
    it(`walks every row exactly once, in order: ${title}`, async () => {
      const set = keyset('probe', keys);
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(rowArb, { maxLength: 25, selector: (r) => r.id }),
          fc.integer({ min: 1, max: 7 }),
          async (rows, limit) => {
            await reset(rows);
            const { ids, pages } = await walk(set, limit);
            expect(ids).toEqual(await wholeOrder(set));
            // A last page is never empty: exactly `limit` rows end on the first page.
            expect(pages).toBe(Math.max(1, Math.ceil(rows.length / limit)));
          },
        ),
        { numRuns: 40 },
      );
    });
  }

  it('ends a list of exactly `limit` rows on one page, and one of limit + 1 on two', async () => {
    const set = keyset('probe', orders['name, id (one direction: a row comparison)']!);
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        name: 'Same name',
        rank: null,
        atMicros: 0,
        seenAt: null,
        mood: 'low' as const,
      }));
    await reset(rows(5));
    const exact = await pageOf(set, undefined, 5);
    expect(exact.items).toHaveLength(5);
    expect(exact.nextCursor).toBeNull();
    await reset(rows(6));
    const first = await pageOf(set, undefined, 5);
    expect(first.nextCursor).not.toBeNull();
    const second = await pageOf(set, first.nextCursor!, 5);
    expect(second.items.map((r) => r.id)).toEqual([rows(6)[5]!.id]);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a cursor that is forged, mangled or from another list with a 400, before any query', async () => {
    const set = keyset('probe', orders['enum up, nullable count down, id']!);
    const forged = [
      'not*base64',
      encodeCursor({ list: 'vendors', keys: ['low', '1', '00000000-0000-4000-8000-000000000000'] }),
      encodeCursor({ list: 'probe', keys: ['low', '1'] }),
      encodeCursor({ list: 'probe', keys: ['furious', '1', '00000000-0000-4000-8000-000000000000'] }),
      encodeCursor({ list: 'probe', keys: ['low', '1e3', '00000000-0000-4000-8000-000000000000'] }),
      encodeCursor({ list: 'probe', keys: ['low', '99999999999', '00000000-0000-4000-8000-000000000000'] }),
      encodeCursor({ list: 'probe', keys: ['low', '1', 'not-a-uuid'] }),
      encodeCursor({ list: 'probe', keys: [null, '1', '00000000-0000-4000-8000-000000000000'] }),
    ];
    for (const cursor of forged) {
      expect(() => set.after(cursor), cursor).toThrow(AppError);
      try {
        set.after(cursor);
      } catch (err) {
        expect((err as AppError).code).toBe('bad_request');
      }
    }
    const timed = keyset('probe', orders['newest first to the microsecond']!);
    for (const at of ['2026-02-30T00:00:00.000000Z', '2026-01-01 00:00:00+00', '2026-01-01T24:00:00.000000Z'])
      expect(() =>
        timed.after(encodeCursor({ list: 'probe', keys: [at, '00000000-0000-4000-8000-000000000000'] })),
      ).toThrow(AppError);
    // A null is a real value only where the column may hold one.
    expect(() =>
      set.after(encodeCursor({ list: 'probe', keys: ['low', null, '00000000-0000-4000-8000-000000000000'] })),
    ).not.toThrow();
  });
});
