// Where the extension's page-load cost comes from (run by `pnpm bench:extension-permissions`; prints
// figures, asserts nothing). The plain local page of `bench:extension` is loaded side by side in
// browsers that differ by one thing each: no extension (twice, to show the noise), empty extensions
// holding one permission each, an empty extension with Sightline's exact manifest, and Sightline. Each
// line is the median of the paired ratios against the first browser without an extension.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionDir } from '../e2e/support/extension-browser';
import { median, startPlainSite } from './extension-bench-support';
import {
  type Contender,
  comparePageLoads,
  pairedRatio,
  waitForSightlineSetUp,
  writeMinimalExtension,
} from './page-load-comparison';

const LOADS = Number(process.env.BENCH_LOADS ?? 80);
const ALL_URLS = ['<all_urls>'];

/** Sightline's own manifest and pages with its service worker emptied: the permissions, not the code. */
function sightlineManifestOnly(dir: string): string {
  cpSync(extensionDir, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  writeFileSync(join(dir, manifest.background.service_worker), '// Intentionally empty.\n');
  // Without the key the copy gets an id of its own, so it cannot be mistaken for Sightline.
  delete manifest.key;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

async function main() {
  const scratch = mkdtempSync(join(tmpdir(), 'sl-permissions-'));
  const empty = (name: string, permissions: string[], hosts: string[] = []): Contender => ({
    name,
    extensionDir: writeMinimalExtension(join(scratch, name.replace(/\W+/g, '-')), permissions, hosts),
  });
  const contenders: Contender[] = [
    { name: 'no extension' },
    { name: 'no extension, again' },
    empty('storage', ['storage']),
    empty('storage + <all_urls>', ['storage'], ALL_URLS),
    empty('webNavigation + <all_urls>', ['webNavigation'], ALL_URLS),
    empty('scripting + <all_urls>', ['scripting'], ALL_URLS),
    empty('webRequest + <all_urls>', ['webRequest'], ALL_URLS),
    empty('declarativeNetRequest', ['declarativeNetRequest']),
    empty(
      'declarativeNetRequestWithHostAccess + <all_urls>',
      ['declarativeNetRequestWithHostAccess'],
      ALL_URLS,
    ),
    {
      name: "Sightline's manifest, empty worker",
      extensionDir: sightlineManifestOnly(join(scratch, 'manifest')),
    },
    { name: 'Sightline', extensionDir },
  ];
  const site = await startPlainSite();
  try {
    const times = await comparePageLoads({
      contenders,
      url: site.url,
      loads: LOADS,
      warmUp: 5,
      settle: async (context, contender) => {
        if (contender.extensionDir === extensionDir) await waitForSightlineSetUp(context);
      },
    });
    const baseline = contenders[0]!.name;
    const width = Math.max(...contenders.map((c) => c.name.length));
    console.log(`plain page loaded ${LOADS} times in ${contenders.length} browsers side by side`);
    const result: Record<string, number> = {};
    for (const { name } of contenders) {
      const ratio = pairedRatio(times, name, baseline);
      result[name] = Number(ratio.toFixed(3));
      console.log(
        `${name.padEnd(width)}  median ${median(times.get(name)!).toFixed(2)} ms  ratio ${ratio.toFixed(3)}`,
      );
    }
    console.log(JSON.stringify(result));
  } finally {
    await site.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
