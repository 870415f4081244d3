#!/usr/bin/env bash
# Browser tests on a busy machine: keeps CPU hogs running while Playwright runs the given specs
# (default: the extension's), several times, and prints how many runs passed. Timing races that only
# show on a loaded CI machine (a late navigation event, a slow worker start) show here too.
#
#   test/loaded-run.sh                      3 runs of e2e/extension with 2 hogs
#   RUNS=5 HOGS=4 test/loaded-run.sh e2e/extension/delivery.spec.ts
#   SKIP_BUILD=1 test/loaded-run.sh         reuse the extension and portal builds already there
#
# The hogs are `yes > /dev/null` (nothing to install), started here and killed on exit. Set
# DATABASE_URL as for `pnpm test` to run the portal on PostgreSQL instead of PGlite.
set -uo pipefail

runs=${RUNS:-3}
hogs=${HOGS:-2}
here=$(cd "$(dirname "$0")" && pwd)
specs=("$@")
[ ${#specs[@]} -eq 0 ] && specs=(e2e/extension)

if [ -z "${SKIP_BUILD:-}" ]; then
  (cd "$here/.." && pnpm --filter @sightline/portal run build && pnpm --filter @sightline/extension run build) ||
    exit 1
fi

pids=()
stop_hogs() { [ ${#pids[@]} -gt 0 ] && kill "${pids[@]}" 2>/dev/null; pids=(); }
trap stop_hogs EXIT INT TERM
for _ in $(seq "$hogs"); do
  yes >/dev/null &
  pids+=($!)
done

passed=0
for run in $(seq "$runs"); do
  echo "== loaded run $run of $runs ($hogs CPU hogs; load: $(cut -d' ' -f1-3 /proc/loadavg))"
  start=$(date +%s)
  if (cd "$here" && pnpm exec playwright test "${specs[@]}"); then
    passed=$((passed + 1))
    echo "== run $run passed in $(($(date +%s) - start)) s"
  else
    echo "== run $run FAILED after $(($(date +%s) - start)) s"
  fi
done
stop_hogs

echo "loaded runs: $passed of $runs passed"
[ "$passed" -eq "$runs" ]
