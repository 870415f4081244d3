import { ROLLUP_SPANS } from '@sightline/db/schema/usage';

/** A rollup block: `span` days from `start` (a multiple of the span counted from 1970-01-01). */
export type Block = { span: number; start: string };

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const widestFirst = [...ROLLUP_SPANS].sort((a, b) => b - a);

/** The start of the `span`-day block holding `day`. */
export function blockStart(day: string, span: number): string {
  const n = dayNumber(day);
  return dayOf(Math.floor(n / span) * span);
}

/**
 * The period from–to (both days included) as the fewest blocks that tile it exactly: from each day
 * on, the widest block that starts there and ends inside the period. 180 days take about 20 blocks.
 */
export function periodBlocks(from: string, to: string): Block[] {
  const last = dayNumber(to);
  const blocks: Block[] = [];
  for (let n = dayNumber(from); n <= last; ) {
    const span = widestFirst.find((s) => n % s === 0 && n + s - 1 <= last) ?? 1;
    blocks.push({ span, start: dayOf(n) });
    n += span;
  }
  return blocks;
}

/** Each day of the period as its own block (the daily charts). */
export function dayBlocks(from: string, to: string): Block[] {
  const blocks: Block[] = [];
  for (let n = dayNumber(from); n <= dayNumber(to); n++) blocks.push({ span: 1, start: dayOf(n) });
  return blocks;
}

/** A run of blocks of one span, `first` to `last` block starts (each block starts `span` days after the one before). */
export type BlockRun = { span: number; first: string; last: string };

/**
 * The period's blocks as runs of one span (at most five: days, 8-day blocks, 64-day blocks, then
 * 8-day blocks and days again), so a query names them as a few index ranges the planner can estimate.
 */
export function periodRuns(from: string, to: string, perDay = false): BlockRun[] {
  if (perDay) return [{ span: 1, first: from, last: to }];
  const runs: BlockRun[] = [];
  for (const b of periodBlocks(from, to)) {
    const run = runs.at(-1);
    if (run && run.span === b.span) run.last = b.start;
    else runs.push({ span: b.span, first: b.start, last: b.start });
  }
  return runs;
}
