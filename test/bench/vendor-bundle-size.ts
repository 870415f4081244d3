import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What a vendor downloads to open the questionnaire: every script the built vendor.html loads
 * (its entry and the chunks it preloads), gzipped. Budget: 150 KB. Run after `vite build`.
 */
const BUDGET_BYTES = 150 * 1024;
const distDir = resolve(import.meta.dirname, '../../portal/dist/ui');
const htmlPath = resolve(distDir, 'vendor.html');
if (!existsSync(htmlPath)) {
  console.error(
    'portal/dist/ui/vendor.html is missing: run `pnpm --filter @sightline/portal run build` first',
  );
  process.exit(1);
}
const html = readFileSync(htmlPath, 'utf8');
const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
let total = 0;
for (const script of new Set(scripts)) {
  const bytes = readFileSync(resolve(distDir, `.${script}`));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  total += gzipped;
  console.log(`${script}  ${bytes.length} B raw, ${gzipped} B gzipped`);
}
console.log(
  `vendor page JavaScript: ${total} B gzipped (${(total / 1024).toFixed(1)} KB of a ${BUDGET_BYTES / 1024} KB budget)`,
);
if (total > BUDGET_BYTES) {
  console.error('over budget');
  process.exit(1);
}
