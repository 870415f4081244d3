import { encodeCursor } from '@sightline/shared/http/paging';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { arrayKeyset } from './array-keyset';

type Row = { name: string; id: string };
const rows = arrayKeyset<Row>(
  'things',
  (r) => [r.name, r.id],
  (a, b) => a[0]!.localeCompare(b[0]!) || (a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0),
);

describe('paging a sorted array by keyset', () => {
  it('walks every row exactly once, in order, with at most one page that is not full (the last)', () => {
    const row = fc.record({ name: fc.constantFrom('Ada', 'ada', 'Bob', 'Zoë', ''), id: fc.uuid() });
    fc.assert(
      fc.property(
        fc.uniqueArray(row, { selector: (r) => r.id, maxLength: 40 }),
        fc.integer({ min: 1, max: 9 }),
        (list, limit) => {
          const sorted = rows.sort(list);
          const seen: Row[] = [];
          let cursor: string | undefined;
          let pages = 0;
          do {
            const page = rows.page(sorted, { cursor, limit });
            seen.push(...page.items);
            cursor = page.nextCursor ?? undefined;
            pages += 1;
          } while (cursor);
          expect(seen).toEqual(sorted);
          expect(pages).toBe(Math.max(1, Math.ceil(list.length / limit)));
        },
      ),
    );
  });

  it('starts after the cursor row even when that row is gone, and refuses a cursor of another list', () => {
    const sorted = rows.sort([
      { name: 'A', id: '1' },
      { name: 'B', id: '2' },
      { name: 'C', id: '3' },
    ]);
    const first = rows.page(sorted, { limit: 2 });
    const withoutB = sorted.filter((r) => r.name !== 'B');
    expect(rows.page(withoutB, { cursor: first.nextCursor!, limit: 2 }).items).toEqual([
      { name: 'C', id: '3' },
    ]);
    expect(() =>
      rows.page(sorted, { cursor: encodeCursor({ list: 'other', keys: ['A', '1'] }), limit: 2 }),
    ).toThrow(AppError);
    expect(() => rows.page(sorted, { cursor: 'nope', limit: 2 })).toThrow(AppError);
  });
});
