import type { AppDeps, ServiceDeps } from './context';
import { runAssessmentSchedule } from './features/assessments/reminders';
import { ensureEventPartitions } from './features/extension-api/event-partitions';
import { pruneRawEvents } from './features/extension-api/retention-service';
import { sendReviewNotices } from './features/reviews/review-notices';
import { refreshSsoDiscovery } from './features/sso/sso-discovery-refresh';
import { foldRollupDeltas } from './features/usage-rollups/fold-deltas';
import { loggableError } from './loggable-error';
import { deliverDueMail } from './mail/outbox';
import { depsAt } from './service-deps';

/** A background job; each tick gets the app's dependencies as of that tick (`now` read once). */
export type Worker = { name: string; everyMs: number; run: (deps: ServiceDeps) => Promise<unknown> };

/** Background jobs; each one is safe to run on several instances at once. */
export const workers: Worker[] = [
  { name: 'mail', everyMs: 5_000, run: (deps) => deliverDueMail(deps) },
  // Ingestion appends the fleet's rollup deltas; this folds them into the per day and service tables
  // (dashboards read both, so the interval only bounds how many deltas a query adds up).
  { name: 'rollup-fold', everyMs: 5_000, run: (deps) => foldRollupDeltas(deps.db) },
  { name: 'assessment-schedule', everyMs: 60_000, run: (deps) => runAssessmentSchedule(deps) },
  // Vendors falling due for review (cadence, expiries, incidents, usage, declared changes).
  { name: 'review-notices', everyMs: 15 * 60_000, run: (deps) => sendReviewNotices(deps) },
  // The coming months get their raw-event partitions well before their first event.
  {
    name: 'event-partitions',
    everyMs: 6 * 3_600_000,
    run: (deps) => ensureEventPartitions(deps),
  },
  // Identity providers' discovery documents read again: endpoints that moved are kept and audited.
  { name: 'sso-discovery', everyMs: 3_600_000, run: (deps) => refreshSsoDiscovery(deps) },
  // Raw events past the org's retention go; the daily rollups keep the counts.
  {
    name: 'event-retention',
    everyMs: 6 * 3_600_000,
    run: (deps) => pruneRawEvents(deps),
  },
];

export type WorkerTick = { startedAt: string; finishedAt: string; ok: boolean };

/**
 * This process's last finished tick of each worker. Per process on purpose: every instance runs its
 * own workers, and its health answer says when they last ran there.
 */
const lastTicks = new Map<string, WorkerTick>();

export function lastWorkerTicks(): Record<string, WorkerTick> {
  return Object.fromEntries(lastTicks);
}

/** One tick of a worker; a failure is logged (without the values its queries carried), not thrown. */
export async function runWorkerTick(worker: Worker, deps: AppDeps): Promise<void> {
  const startedAt = new Date().toISOString();
  let ok = true;
  try {
    await worker.run(depsAt(deps));
  } catch (error) {
    ok = false;
    console.error(`worker ${worker.name} failed: ${loggableError(error)}`);
  }
  lastTicks.set(worker.name, { startedAt, finishedAt: new Date().toISOString(), ok });
}

/** Runs each worker on its interval; one failing tick is logged and the next one tries again. */
export function startWorkers(deps: AppDeps, list: Worker[] = workers): () => void {
  const timers = list.map((worker) => {
    let running = false;
    return setInterval(async () => {
      if (running) return;
      running = true;
      try {
        await runWorkerTick(worker, deps);
      } finally {
        running = false;
      }
    }, worker.everyMs);
  });
  return () => {
    for (const t of timers) clearInterval(t);
  };
}
