/**
 * `pnpm bench:soak [--seconds N]` (default 180): the whole portal under a steady mixed load on
 * loopback (see soak.ts), per-route throughput and latency, errors, and the portal's peak memory.
 * Needs DATABASE_URL (a PostgreSQL server; a throwaway database is created on it and dropped after).
 * Last line: {"seconds", "requests", "errors", "p99Ms", "peakRssMb"}.
 */
import { availableParallelism, loadavg } from 'node:os';
import { buildServer } from '../e2e/support/build-server';
import { runSoak } from './soak';
import { formatTable } from './soak-recorder';

function secondsArgument(): number {
  const at = process.argv.indexOf('--seconds');
  if (at === -1) return 180;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) {
    console.error('--seconds takes a whole number of seconds, e.g. --seconds 60');
    process.exit(2);
  }
  return value;
}

const seconds = secondsArgument();
if (!process.env.DATABASE_URL) {
  console.log('bench:soak needs DATABASE_URL (a PostgreSQL server); nothing measured.');
  process.exit(2);
}
console.log(`cores: ${availableParallelism()}, load average: ${loadavg()[0]?.toFixed(1)}`);
console.log(`command: pnpm bench:soak --seconds ${seconds}`);
buildServer();
const result = await runSoak({ seconds, log: (line) => console.log(line) });
console.log(formatTable([...result.routes, result.all]));
console.log(`events sent in answered batches: ${result.eventsSent}, stored: ${result.eventsStored}`);
console.log(
  `busiest browser: ${result.busiestDevicePerMinute} device-API calls within a minute (budget ${result.deviceBudget})`,
);
console.log(`portal peak RSS (VmHWM): ${result.peakRssMb} MB`);
console.log(`portal RSS every 15 s from the start of the load (MB): ${result.rssSamplesMb.join(' ')}`);
for (const sample of result.errorSamples) console.log(`error: ${sample}`);
console.log(
  JSON.stringify({
    seconds: result.seconds,
    requests: result.requests,
    errors: result.errors,
    p99Ms: result.p99Ms,
    peakRssMb: result.peakRssMb,
  }),
);
process.exit(result.errors === 0 ? 0 : 1);
