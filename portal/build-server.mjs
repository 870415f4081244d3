// Builds the server into plain JavaScript (dist/server/main.js) so `pnpm start` and a production start
// load one file instead of compiling about 1,200 TypeScript modules through tsx on every start.
// Our own workspace packages (@sightline/shared, @sightline/db) export TypeScript sources, so they are
// bundled in; every npm package stays external and is loaded from node_modules as usual.
import { cp, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'esbuild';

const portalDir = import.meta.dirname;
const outDir = resolve(portalDir, 'dist/server');

/** Bare imports that are not ours stay `import` statements resolved by Node at run time. */
const npmPackagesExternal = {
  name: 'npm-packages-external',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@sightline/') ? undefined : { path: args.path, external: true },
    );
  },
};

await rm(outDir, { recursive: true, force: true });
await build({
  entryPoints: [resolve(portalDir, 'src/server/main.ts')],
  outfile: resolve(outDir, 'main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  sourcemap: true,
  plugins: [npmPackagesExternal],
  logLevel: 'warning',
});
// db/src/client.ts finds its migrations at `../migrations` beside the running file: in the bundle that
// is dist/migrations, so they are copied there.
await cp(resolve(portalDir, '../db/migrations'), resolve(portalDir, 'dist/migrations'), { recursive: true });
