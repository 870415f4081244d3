import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildServer } from './build-server';

const root = resolve(import.meta.dirname, '../../..');

/**
 * Builds the server every time (it is fast, and a spec must not run yesterday's server), and the
 * portal UI and the extension when a build is missing (pnpm test builds them first anyway).
 */
export default function globalSetup(): void {
  buildServer();
  if (!existsSync(resolve(root, 'portal/dist/ui/index.html'))) {
    execFileSync('pnpm', ['--filter', '@sightline/portal', 'run', 'build:ui'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  if (!existsSync(resolve(root, 'extension/.output/chrome-mv3/manifest.json'))) {
    execFileSync('pnpm', ['--filter', '@sightline/extension', 'run', 'build'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
}
