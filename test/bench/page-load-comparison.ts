// Loads one page in several Chromium browsers side by side, in a new random order every round, so the
// drift of a shared 2-core machine hits every browser alike. Used by the extension benchmarks.
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

/** Waits until Sightline's worker has finished its install-time set-up (policy read, rules, scripts). */
export async function waitForSightlineSetUp(context: BrowserContext): Promise<Worker> {
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const deadline = Date.now() + 20_000;
  while (
    Date.now() < deadline &&
    !(await worker.evaluate(async () => {
      const state = await chrome.storage.local.get(['flushState', 'managedConfig']);
      return state.flushState !== undefined || state.managedConfig !== undefined;
    }))
  ) {
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 1000));
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

export type PageLoadTimes = Map<string, number[]>;

/**
 * Launches every contender, lets `settle` finish their set-up, then loads `url` `loads` times in each
 * (after `warmUp` unrecorded rounds). Returns the load times in ms per contender, round by round.
 */
export async function comparePageLoads(options: {
  contenders: readonly Contender[];
  url: string;
  loads: number;
  warmUp: number;
  settle?: (context: BrowserContext, contender: Contender) => Promise<void>;
}): Promise<PageLoadTimes> {
  const running: Running[] = [];
  try {
    for (const contender of options.contenders) running.push(await launchContender(contender));
    for (const r of running) await options.settle?.(r.context, r.contender);
    const times: PageLoadTimes = new Map(options.contenders.map((c) => [c.name, []]));
    for (let round = 0; round < options.warmUp + options.loads; round++) {
      for (const r of shuffled(running)) {
        const ms = await loadTime(r.page, `${options.url}?n=${round}`);
        if (round >= options.warmUp) times.get(r.contender.name)!.push(ms);
      }
    }
    return times;
  } finally {
    for (const r of running) await r.close();
  }
}

/**
 * The median of the per-round ratios `a / b`: each round loads the page in both browsers moments apart,
 * which cancels the machine's drift better than the ratio of two medians.
 */
export function pairedRatio(times: PageLoadTimes, a: string, b: string): number {
  const as = times.get(a)!;
  const bs = times.get(b)!;
  return median(as.map((t, i) => t / bs[i]!));
}
