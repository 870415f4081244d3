// Loads one page in several Chromium browsers side by side, taking turns in a balanced order, so the
// drift of a shared 2-core machine hits every browser alike; and repeats that in rounds of fresh browsers,
// so no one browser's luck (a slow profile, a busy moment) decides a figure. Used by the extension
// benchmarks.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/support/chromium';
import { median } from './extension-bench-support';

/** One browser in the comparison: `extensionDir` undefined means no extension loaded. */
export type Contender = { name: string; extensionDir?: string };

export type Running = {
  contender: Contender;
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
};

/**
 * A minimal Manifest V3 extension: the given permissions and an empty service worker. It shows what the
 * browser itself charges for a permission, whatever the extension's code does.
 */
export function writeMinimalExtension(
  dir: string,
  permissions: string[],
  hostPermissions: string[] = [],
): string {
  mkdirSync(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: `Empty extension (${permissions.join(', ') || 'no permissions'})`,
    version: '1.0.0',
    permissions,
    host_permissions: hostPermissions,
    background: { service_worker: 'worker.js' },
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'worker.js'), '// Intentionally empty.\n');
  return dir;
}

/** Chromium on a fresh profile, with the contender's extension if it has one. */
export async function launchContender(contender: Contender): Promise<Running> {
  const profile = mkdtempSync(join(tmpdir(), 'sl-bench-'));
  const extension = contender.extensionDir;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    // Browsers without an extension keep the extension system on, as in every real Chrome, so a ratio is
    // the cost of the extension, not of enabling extensions.
    args: extension
      ? [...chromiumArgs, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`]
      : chromiumArgs,
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { contender, context, page: await context.newPage(), close };
}

/**
 * Waits until Sightline's worker has finished its install-time set-up: the policy alarm is the last step
 * of it that leaves a trace (after the policy, the rules and the content scripts; only a scan of the
 * installed extensions and an empty flush follow, and the unrecorded warm-up loads cover those).
 */
export async function waitForSightlineSetUp(context: BrowserContext): Promise<Worker> {
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const deadline = Date.now() + 20_000;
  while (!(await worker.evaluate(async () => !!(await chrome.alarms.get('policy'))))) {
    if (Date.now() > deadline) throw new Error("Sightline's worker did not finish its set-up in 20 s");
    await new Promise((r) => setTimeout(r, 100));
  }
  return worker;
}

/** Navigation timing, from the start of the navigation to the end of the load event. */
async function loadTime(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return nav.loadEventEnd - nav.startTime;
  });
}

function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

/**
 * The order of every turn: for a few browsers, each possible order equally often (shuffled within each
 * cycle), so no browser goes first, or right after another, more often than chance; for many browsers, a
 * fresh random order each turn.
 */
function turnOrders<T>(items: readonly T[], turns: number): T[][] {
  if (items.length > 4) return Array.from({ length: turns }, () => shuffled(items));
  const all = permutations(items);
  const orders: T[][] = [];
  while (orders.length < turns) orders.push(...shuffled(all));
  return orders.slice(0, turns);
}

export type PageLoadTimes = Map<string, number[]>;

export type ComparisonOptions = {
  contenders: readonly Contender[];
  url: string;
  /** Recorded turns: in each, every browser loads the page once. */
  loads: number;
  /** Unrecorded turns first (caches, the worker's first wake-up). */
  warmUp: number;
  settle?: (context: BrowserContext, contender: Contender) => Promise<void>;
};

/**
 * Launches every contender, lets `settle` finish their set-up, then loads `url` `loads` times in each
 * (after `warmUp` unrecorded turns). Returns the load times in ms per contender, turn by turn.
 */
export async function comparePageLoads(options: ComparisonOptions): Promise<PageLoadTimes> {
  const running: Running[] = [];
  try {
    for (const contender of options.contenders) running.push(await launchContender(contender));
    for (const r of running) await options.settle?.(r.context, r.contender);
    const times: PageLoadTimes = new Map(options.contenders.map((c) => [c.name, []]));
    const orders = turnOrders(running, options.warmUp + options.loads);
    for (const [turn, order] of orders.entries()) {
      for (const r of order) {
        const ms = await loadTime(r.page, `${options.url}?n=${turn}`);
        if (turn >= options.warmUp) times.get(r.contender.name)!.push(ms);
      }
    }
    return times;
  } finally {
    for (const r of running) await r.close();
  }
}

/** `comparePageLoads` `rounds` times over, each round with freshly launched browsers. */
export async function comparePageLoadsInRounds(
  options: ComparisonOptions & { rounds: number },
): Promise<PageLoadTimes[]> {
  const rounds: PageLoadTimes[] = [];
  for (let round = 0; round < options.rounds; round++) rounds.push(await comparePageLoads(options));
  return rounds;
}

/**
 * The median of the per-round ratios `a / b`: each round loads the page in both browsers moments apart,
 * which cancels the machine's drift better than the ratio of two medians.
 */
export function pairedRatio(times: PageLoadTimes, a: string, b: string): number {
  return median(pairedRatios(times, a, b));
}

function pairedRatios(times: PageLoadTimes, a: string, b: string): number[] {
  const as = times.get(a)!;
  const bs = times.get(b)!;
  return as.map((t, i) => t / bs[i]!);
}

export type RatioOverRounds = {
  /** The median of every paired ratio of every round: the figure. */
  median: number;
  /** Where that median lies with 95 % confidence, by resampling the turns of each round (bootstrap). */
  interval: [number, number];
  /** Each round's own median paired ratio, to show the spread between rounds. */
  perRound: number[];
};

const RESAMPLES = 1000;

/** `a / b` over several rounds of paired loads. */
export function ratioOverRounds(rounds: readonly PageLoadTimes[], a: string, b: string): RatioOverRounds {
  const ratios = rounds.map((times) => pairedRatios(times, a, b));
  const resampled = Array.from({ length: RESAMPLES }, () =>
    median(ratios.flatMap((round) => round.map(() => round[Math.floor(Math.random() * round.length)]!))),
  ).sort((x, y) => x - y);
  return {
    median: median(ratios.flat()),
    interval: [resampled[Math.floor(RESAMPLES * 0.025)]!, resampled[Math.ceil(RESAMPLES * 0.975) - 1]!],
    perRound: ratios.map((round) => median(round)),
  };
}

/** Every load time of one contender over all rounds. */
export function allTimes(rounds: readonly PageLoadTimes[], name: string): number[] {
  return rounds.flatMap((times) => times.get(name)!);
}
