import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const portalDir = resolve(import.meta.dirname, '../../../portal');

/**
 * Builds the portal's server into dist/server (under a second) so every suite that starts a portal
 * process runs the current sources the way `pnpm start` does, never a stale build.
 */
export function buildServer(): void {
  execFileSync(process.execPath, [resolve(portalDir, 'build-server.mjs')], { stdio: 'inherit' });
}
