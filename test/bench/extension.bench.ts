// Benchmark of the browser extension (run by `pnpm bench:extension`; prints figures, asserts nothing).
// 1. A plain local page loaded 50 times in three Chromium browsers side by side: without an extension,
//    with Sightline, and with an empty extension that holds only the `declarativeNetRequest` permission
//    (the floor: Chromium routes every request of a profile through its web-request proxy as soon as any
//    extension holds that permission or `webRequest`, whatever the extension does). Printed: the median
//    of the paired ratios of load times for Sightline / none (target ≤ 1.05), floor / none, and
//    Sightline / floor (what our own code and permissions add on top of the floor).
// 2. Classifying a navigation inside the extension's service worker, over a corpus of URLs: the median
//    time per URL. Target < 1 ms.
// 3. The size of the built chrome-mv3 folder. Target ≤ 1 MB.
// The last line is one JSON object with the three headline figures.
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
  type Contender,
  comparePageLoads,
  launchContender,
  pairedRatio,
  waitForSightlineSetUp,
  writeMinimalExtension,
} from './page-load-comparison';

const LOADS = Number(process.env.BENCH_LOADS ?? 50);
const WARM_UP = 5;
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
      loads: LOADS,
      warmUp: WARM_UP,
      settle: (context: BrowserContext, contender: Contender) =>
        contender.name === 'sightline'
          ? waitForSightlineSetUp(context).then(() => undefined)
          : Promise.resolve(),
    };
    const times = await comparePageLoads({ ...run, url: site.url });
    const pageLoadRatio = pairedRatio(times, 'sightline', 'none');
    for (const [name, ms] of times)
      console.log(`plain page, median of ${LOADS} loads, ${name.padEnd(9)}: ${median(ms).toFixed(2)} ms`);
    console.log(
      `page load ratio, median of the ${LOADS} paired ratios, Sightline / no extension: ${pageLoadRatio.toFixed(3)} (target ≤ 1.05)`,
    );
    console.log(
      `floor, an empty extension holding only declarativeNetRequest / no extension:     ${pairedRatio(times, 'floor', 'none').toFixed(3)}`,
    );
    console.log(
      `Sightline / that floor:                                                           ${pairedRatio(times, 'sightline', 'floor').toFixed(3)}`,
    );

    // For reference only: the same page when every response takes as long as from a nearby server.
    const distant = await comparePageLoads({ ...run, url: distantSite.url });
    console.log(
      `with ${NETWORK_LATENCY_MS} ms server latency per response (reference): none ${median(distant.get('none')!).toFixed(2)} ms, ` +
        `Sightline / no extension ${pairedRatio(distant, 'sightline', 'none').toFixed(3)}, ` +
        `floor / no extension ${pairedRatio(distant, 'floor', 'none').toFixed(3)}`,
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
        pageLoadRatio: Number(pageLoadRatio.toFixed(4)),
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

await main();
