import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockStart, dayBlocks, periodBlocks, periodRuns } from './blocks';

const day = fc
  .integer({ min: Date.UTC(2025, 0, 1) / 86_400_000, max: Date.UTC(2027, 11, 31) / 86_400_000 })
  .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

const daysCovered = (blocks: { span: number; start: string }[]) =>
  blocks.flatMap((b) =>
    dayBlocks(
      b.start,
      new Date(Date.parse(b.start) + (b.span - 1) * 86_400_000).toISOString().slice(0, 10),
    ).map((d) => d.start),
  );

describe('rollup blocks', () => {
  it('tile any period exactly, each block aligned on its span, in few blocks', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (from, length) => {
        const to = new Date(Date.parse(from) + length * 86_400_000).toISOString().slice(0, 10);
        const blocks = periodBlocks(from, to);
        expect(daysCovered(blocks)).toEqual(dayBlocks(from, to).map((d) => d.start));
        for (const b of blocks) expect(blockStart(b.start, b.span)).toBe(b.start);
        // At most 7 single days and 7 eight-day blocks at each end, and the 64-day blocks between.
        expect(blocks.length).toBeLessThanOrEqual(28 + Math.ceil((length + 1) / 64));
      }),
    );
  });

  it('put a day in the block that starts on the multiple of the span at or before it', () => {
    expect(blockStart('1970-01-09', 8)).toBe('1970-01-09');
    expect(blockStart('1970-01-16', 8)).toBe('1970-01-09');
    expect(blockStart('1970-03-06', 64)).toBe('1970-03-06');
    expect(periodBlocks('1970-01-08', '1970-01-17')).toEqual([
      { span: 1, start: '1970-01-08' },
      { span: 8, start: '1970-01-09' },
      { span: 1, start: '1970-01-17' },
    ]);
  });
});

describe('rollup block runs', () => {
  it('name the same blocks as the tiling, a run per span change', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (from, length) => {
        const to = new Date(Date.parse(from) + length * 86_400_000).toISOString().slice(0, 10);
        const runs = periodRuns(from, to);
        expect(runs.length).toBeLessThanOrEqual(5);
        // Each run holds a block every `span` days from its first start to its last.
        const expanded = runs.flatMap((r) => {
          const starts = [];
          for (let at = Date.parse(r.first); at <= Date.parse(r.last); at += r.span * 86_400_000)
            starts.push({ span: r.span, start: new Date(at).toISOString().slice(0, 10) });
          return starts;
        });
        expect(expanded).toEqual(periodBlocks(from, to));
      }),
    );
  });
});
