#!/bin/sh
# Builds what the browser tests load, then runs every Vitest project (unit + integration) and the
# Playwright suite. Both always run; the exit code is non-zero if either failed.
set -u
cd "$(dirname "$0")"
mkdir -p reports
rm -f reports/vitest.json reports/playwright.json
pnpm --filter @sightline/portal run build || exit 1
pnpm --filter @sightline/extension run build || exit 1
pnpm --filter @sightline/extension run build:firefox || exit 1
pnpm exec vitest run
unit=$?
pnpm exec playwright test
browser=$?
[ "$unit" -eq 0 ] && [ "$browser" -eq 0 ]
