// Benchmark of the URL classifier (run by `pnpm bench:classify`; prints figures, asserts nothing).
// 1. new URL() alone vs classifyUrl over the same million URLs, several rounds, medians.
// 2. The same with 50,000 synthetic rules added, in the same rounds: the ratio must not move.
// 3. The catalog + classifier bundled as the extension would, minified and gzipped.
// The last line is one JSON object with the headline figures.
import { gzipSync } from 'node:zlib';
import { builtInCatalog } from '@sightline/shared/catalog/catalog';
import { classifyUrl } from '@sightline/shared/catalog/classify-url';
import { type CompiledCatalog, compileCatalog } from '@sightline/shared/catalog/compile-catalog';
import { build } from 'esbuild';
import { buildUrlCorpus, syntheticEntries } from './classify-url-corpus';

const urlCount = 1_000_000;
const rounds = 9;
const paddingRules = 50_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeParse(urls: readonly string[]): number {
  const start = performance.now();
  let parsed = 0;
  for (const url of urls) {
    try {
      new URL(url);
      parsed += 1;
    } catch {
      // Garbage lines cost a throw here, as they would for any caller using new URL().
    }
  }
  const elapsed = performance.now() - start;
  if (parsed === 0) throw new Error('nothing parsed');
  return elapsed;
}

function timeClassify(compiled: CompiledCatalog, urls: readonly string[]): { ms: number; matched: number } {
  const start = performance.now();
  let matched = 0;
  for (const url of urls) if (classifyUrl(compiled, url).serviceId !== null) matched += 1;
  return { ms: performance.now() - start, matched };
}

type Figures = { parseMs: number; classifyMs: number; ratio: number; matched: number };

/**
 * Rounds interleave the parse baseline with both catalogs (alternating which goes first), so a
 * burst of load on the machine hits all three alike and the two ratios stay comparable.
 */
function measure(base: CompiledCatalog, padded: CompiledCatalog, urls: readonly string[]) {
  // One untimed pass each so every loop is optimised before timing.
  timeParse(urls);
  timeClassify(base, urls);
  timeClassify(padded, urls);
  const parseTimes: number[] = [];
  const times = { base: [] as number[], padded: [] as number[] };
  const matched = { base: 0, padded: 0 };
  for (let round = 0; round < rounds; round += 1) {
    parseTimes.push(timeParse(urls));
    const order = round % 2 === 0 ? (['base', 'padded'] as const) : (['padded', 'base'] as const);
    for (const which of order) {
      const result = timeClassify(which === 'base' ? base : padded, urls);
      times[which].push(result.ms);
      matched[which] = result.matched;
    }
  }
  const parseMs = median(parseTimes);
  const figures = (which: 'base' | 'padded'): Figures => {
    const classifyMs = median(times[which]);
    return { parseMs, classifyMs, ratio: classifyMs / parseMs, matched: matched[which] };
  };
  return { base: figures('base'), padded: figures('padded') };
}

function report(label: string, compiled: CompiledCatalog, urlTotal: number, figures: Figures): void {
  console.log(
    `${label}: ${compiled.ruleCount} rules, ${figures.matched} of ${urlTotal} URLs matched; ` +
      `new URL() ${figures.parseMs.toFixed(1)} ms, classifyUrl ${figures.classifyMs.toFixed(1)} ms, ` +
      `ratio ${figures.ratio.toFixed(3)} (medians of ${rounds} rounds; ` +
      `${((figures.classifyMs * 1e6) / urlTotal).toFixed(0)} ns per URL)`,
  );
}

async function gzippedBundleBytes(contents: string): Promise<number> {
  const result = await build({
    stdin: {
      contents,
      resolveDir: import.meta.dirname,
      loader: 'ts',
      sourcefile: 'classify-bundle-entry.ts',
    },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0]!.contents;
  return gzipSync(code, { level: 9 }).length;
}

const urls = buildUrlCorpus(builtInCatalog, urlCount);
const baseCatalog = compileCatalog(builtInCatalog);
const paddedCatalog = compileCatalog(builtInCatalog, syntheticEntries(paddingRules));
const { base, padded } = measure(baseCatalog, paddedCatalog, urls);
report('built-in catalog', baseCatalog, urls.length, base);
report(`plus ${paddingRules} synthetic rules`, paddedCatalog, urls.length, padded);
const drift = padded.ratio / base.ratio - 1;
console.log(`ratio change with ${paddingRules} more rules: ${(drift * 100).toFixed(1)}% (goal within ±10%)`);

const imports = `
import { builtInCatalog } from '@sightline/shared/catalog/catalog';
import { compileCatalog } from '@sightline/shared/catalog/compile-catalog';
import { classifyHost, classifyUrl } from '@sightline/shared/catalog/classify-url';`;
const classifierOnly = await gzippedBundleBytes(
  `${imports}\nconst c = compileCatalog(builtInCatalog);\nglobalThis.sightline = { c, classifyUrl, classifyHost };`,
);
const bundleGzipBytes = await gzippedBundleBytes(
  `${imports}\nimport { looksLikeAiHost } from '@sightline/shared/catalog/ai-host-heuristic';\n` +
    'const c = compileCatalog(builtInCatalog);\nglobalThis.sightline = { c, classifyUrl, classifyHost, looksLikeAiHost };',
);
console.log(
  `extension bundle (minified, gzip -9): catalog + classifier ${classifierOnly} bytes; ` +
    `with the unknown-AI heuristic (tldts) ${bundleGzipBytes} bytes (goal ≤ ${150 * 1024})`,
);

const round1 = (value: number) => Math.round(value * 10) / 10;
const round3 = (value: number) => Math.round(value * 1000) / 1000;
console.log(
  JSON.stringify({
    parseMs: round1(base.parseMs),
    classifyMs: round1(base.classifyMs),
    ratio: round3(base.ratio),
    ratioAt50kRules: round3(padded.ratio),
    bundleGzipBytes,
  }),
);
