// Benchmark of the browser extension (run by `pnpm bench:extension`; prints figures, asserts nothing).
// 1. A plain local page loaded in three Chromium browsers side by side: without an extension, with
//    Sightline, and with an empty extension that holds only the `declarativeNetRequest` permission, built
//    here into a temporary folder (the floor: Chromium routes every request of a profile through its
//    web-request proxy as soon as any extension holds that permission or `webRequest`, whatever the
//    extension does). The browsers take turns in a balanced order; that is done in BENCH_ROUNDS rounds
//    of fresh browsers, BENCH_LOADS recorded turns each. A ratio is the median of all paired ratios
//    (two loads of one turn), printed with its 95 % bootstrap interval and each round's median:
//    Sightline / floor is the goal (≤ 1.05, what our own code and permissions add on top of what any
//    redirecting extension pays); Sightline / none and floor / none are printed too.
// 2. Classifying a navigation inside the extension's service worker, over a corpus of URLs: the median
//    time per URL. Target < 1 ms.
// 3. The size of the built chrome-mv3 folder. Target ≤ 1 MB.
// The last line is one JSON object with the headline figures.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { builtInCatalog } from '@sightline/shared/catalog/catalog';
import { extensionDir } from '../e2e/support/extension-browser';
import { buildUrlCorpus } from './classify-url-corpus';
import { folderBytes, median, startPlainSite } from './extension-bench-support';
import {
  allTimes,
  type Contender,
  comparePageLoadsInRounds,
  launchContender,
  type PageLoadTimes,
  ratioOverRounds,
  waitForSightlineSetUp,
  writeMinimalExtension,
} from './page-load-comparison';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const LOADS = Number(process.env.BENCH_LOADS ?? 40);
const WARM_UP = 5;
/** The reference run with a distant server: fewer, it only shows how the ratios move with latency. */
const REFERENCE_ROUNDS = 2;
const NETWORK_LATENCY_MS = 30;
const BATCH = 200;
const BATCHES = 100;

async function main() {
  const root = resolve(import.meta.dirname, '../..');
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    execFileSync('pnpm', ['--filter', '@sightline/extension', 'run', 'build'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  const extensionBytes = folderBytes(extensionDir);
  const scratch = mkdtempSync(join(tmpdir(), 'sl-floor-'));
  const floorDir = writeMinimalExtension(join(scratch, 'floor'), ['declarativeNetRequest']);
  const site = await startPlainSite();
  const distantSite = await startPlainSite({ latencyMs: NETWORK_LATENCY_MS });
  try {
    const run = {
      contenders: [
        { name: 'none' },
        { name: 'floor', extensionDir: floorDir },
        { name: 'sightline', extensionDir },
      ],
      warmUp: WARM_UP,
      settle: (context: BrowserContext, contender: Contender) =>
        contender.name === 'sightline'
          ? waitForSightlineSetUp(context).then(() => undefined)
          : Promise.resolve(),
    };
    const rounds = await comparePageLoadsInRounds({ ...run, url: site.url, loads: LOADS, rounds: ROUNDS });
    console.log(`plain page, ${ROUNDS} rounds of fresh browsers, ${LOADS} loads each per browser`);
    for (const { name } of run.contenders)
      console.log(`  median load time, ${name.padEnd(9)}: ${median(allTimes(rounds, name)).toFixed(2)} ms`);
    const overFloor = printRatio(rounds, 'sightline', 'floor', 'Sightline / floor (the goal, ≤ 1.05)');
    const overNone = printRatio(rounds, 'sightline', 'none', 'Sightline / no extension            ');
    printRatio(rounds, 'floor', 'none', 'floor / no extension                ');

    // For reference only: the same page when every response takes as long as from a nearby server.
    const distant = await comparePageLoadsInRounds({
      ...run,
      url: distantSite.url,
      loads: LOADS,
      rounds: REFERENCE_ROUNDS,
    });
    const ratio = (a: string, b: string) => ratioOverRounds(distant, a, b).median.toFixed(3);
    console.log(
      `with ${NETWORK_LATENCY_MS} ms server latency per response (reference, ${REFERENCE_ROUNDS} rounds): ` +
        `none ${median(allTimes(distant, 'none')).toFixed(2)} ms, Sightline / floor ${ratio('sightline', 'floor')}, ` +
        `Sightline / no extension ${ratio('sightline', 'none')}, floor / no extension ${ratio('floor', 'none')}`,
    );

    // Classification is timed in a browser of its own, after the page loads, so it cannot disturb them.
    const sightline = await launchContender({ name: 'sightline', extensionDir });
    const worker = await waitForSightlineSetUp(sightline.context);
    const urls = buildUrlCorpus(builtInCatalog, BATCH * BATCHES, 7);
    const perUrlMs = await worker.evaluate(
      ({ urls, batch }) => {
        const diag = (
          globalThis as unknown as { sightlineDiagnostics: { classifyUrl: (u: string) => unknown } }
        ).sightlineDiagnostics;
        for (const u of urls.slice(0, 2000)) diag.classifyUrl(u);
        const results: number[] = [];
        for (let i = 0; i < urls.length; i += batch) {
          const slice = urls.slice(i, i + batch);
          const start = performance.now();
          for (const u of slice) diag.classifyUrl(u);
          results.push((performance.now() - start) / slice.length);
        }
        return results;
      },
      { urls, batch: BATCH },
    );
    const classifyMedianMs = median(perUrlMs);

    console.log(
      `classifying a navigation in the service worker: median ${(classifyMedianMs * 1000).toFixed(2)} µs per URL over ${urls.length} URLs (target < 1 ms)`,
    );
    console.log(`built chrome-mv3 folder: ${extensionBytes} bytes (target ≤ ${1024 * 1024})`);
    console.log(
      JSON.stringify({
        pageLoadRatioOverFloor: Number(overFloor.toFixed(4)),
        pageLoadRatio: Number(overNone.toFixed(4)),
        classifyMedianMs: Number(classifyMedianMs.toFixed(6)),
        extensionBytes,
      }),
    );
    await sightline.close();
  } finally {
    await Promise.all([site.close(), distantSite.close()]);
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Prints `a / b` with its interval and each round's median; returns the figure. */
function printRatio(rounds: readonly PageLoadTimes[], a: string, b: string, label: string): number {
  const { median: figure, interval, perRound } = ratioOverRounds(rounds, a, b);
  const [low, high] = interval.map((r) => r.toFixed(3));
  console.log(
    `  ${label}: ${figure.toFixed(3)}  95 % interval ${low}–${high}  ` +
      `(rounds ${perRound.map((r) => r.toFixed(3)).join(' ')})`,
  );
  return figure;
}

await main();
