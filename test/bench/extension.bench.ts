// Benchmark of the browser extension (run by `pnpm bench:extension`; prints figures, asserts nothing).
// 1. A plain local page loaded 50 times in Chromium with and without the extension, alternating: the
//    median of the paired ratios of load times (navigation timing, start to load event end), and the
//    ratio of the medians for reference. Target ≤ 1.05.
// 2. Classifying a navigation inside the extension's service worker, over a corpus of URLs: the median
//    time per URL. Target < 1 ms.
// 3. The size of the built chrome-mv3 folder. Target ≤ 1 MB.
// The last line is one JSON object with the headline figures.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { builtInCatalog } from '@sightline/shared/catalog/catalog';
import { extensionDir } from '../e2e/support/extension-browser';
import { buildUrlCorpus } from './classify-url-corpus';
import { folderBytes, median, startPlainSite } from './extension-bench-support';

const LOADS = 50;
const WARM_UP = 5;
const BATCH = 200;
const BATCHES = 100;

const baseArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

async function launch(withExtension: boolean): Promise<{ context: BrowserContext; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'sl-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: withExtension
      ? [...baseArgs, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
      : // The baseline is the same browser with its extension system on (as in every real Chrome) and
        // nothing loaded, so the ratio is the cost of Sightline itself, not of enabling extensions.
        baseArgs,
  });
  return { context, dir };
}

async function loadTime(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return nav.loadEventEnd - nav.startTime;
  });
}

async function main() {
  const root = resolve(import.meta.dirname, '../..');
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    execFileSync('pnpm', ['--filter', '@sightline/extension', 'run', 'build'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  const extensionBytes = folderBytes(extensionDir);

  const site = await startPlainSite();
  const plain = await launch(false);
  const withExt = await launch(true);
  try {
    const worker =
      withExt.context.serviceWorkers()[0] ??
      (await withExt.context.waitForEvent('serviceworker', { timeout: 20_000 }));
    // Let the worker finish its install-time set-up (managed policy read, rules, content scripts).
    const deadline = Date.now() + 20_000;
    while (
      !(await worker.evaluate(
        async () =>
          (await chrome.storage.local.get('flushState')).flushState !== undefined ||
          (await chrome.storage.local.get('managedConfig')).managedConfig !== undefined,
      ))
    ) {
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 1000));

    const pages = { plain: await plain.context.newPage(), ext: await withExt.context.newPage() };
    const times = { plain: [] as number[], ext: [] as number[] };
    for (let i = 0; i < WARM_UP + LOADS; i++) {
      // Alternate which browser goes first, so drift on the machine hits both alike.
      const order = i % 2 === 0 ? (['plain', 'ext'] as const) : (['ext', 'plain'] as const);
      for (const which of order) {
        const t = await loadTime(pages[which], `${site.url}?n=${i}`);
        if (i >= WARM_UP) times[which].push(t);
      }
    }
    const plainMedian = median(times.plain);
    const extMedian = median(times.ext);
    // Each iteration loads the page in both browsers back to back; the median of those paired ratios
    // cancels the drift of a shared 2-core machine better than the ratio of the two medians.
    const pageLoadRatio = median(times.ext.map((t, i) => t / times.plain[i]!));

    console.log(`plain page, median of ${LOADS} loads without the extension: ${plainMedian.toFixed(2)} ms`);
    console.log(`plain page, median of ${LOADS} loads with the extension:    ${extMedian.toFixed(2)} ms`);
    console.log(`ratio of the medians: ${(extMedian / plainMedian).toFixed(3)}`);
    console.log(
      `page load ratio, median of the ${LOADS} paired ratios (with / without): ${pageLoadRatio.toFixed(3)} (target ≤ 1.05)`,
    );

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
  } finally {
    await Promise.all([plain.context.close(), withExt.context.close()]);
    await site.close();
    rmSync(plain.dir, { recursive: true, force: true });
    rmSync(withExt.dir, { recursive: true, force: true });
  }
}

await main();
