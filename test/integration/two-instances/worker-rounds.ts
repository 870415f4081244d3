import type { WorkerTick } from '@sightline/portal/server/workers';
import { expect, vi } from 'vitest';
import type { TwoInstanceCluster } from './two-instance-cluster';

export const startedMs = (tick: WorkerTick | undefined) => (tick ? Date.parse(tick.startedAt) : 0);

/** The last round of each worker of one instance, as its health check reports them. */
export async function lastTicks(instanceUrl: string): Promise<Record<string, WorkerTick>> {
  const res = await fetch(`${instanceUrl}/api/health`);
  return ((await res.json()) as { workers: Record<string, WorkerTick> }).workers;
}

/**
 * Waits until no mail is left to send, then until both instances have run a whole mail round that
 * began after that: a second copy of any mail would have been sent by then.
 */
export async function everyMailSentThenBothInstancesTickedAgain(cluster: TwoInstanceCluster) {
  let allSentAt = 0;
  await vi.waitFor(
    async () => {
      const [row] = await cluster.sql<{ unsent: number }[]>`
        select count(*)::int as unsent from email_outbox where status <> 'sent'`;
      expect(row!.unsent).toBe(0);
      allSentAt = Date.now();
    },
    { timeout: 90_000, interval: 250 },
  );
  await vi.waitFor(
    async () => {
      for (const url of cluster.instanceUrls)
        expect(startedMs((await lastTicks(url)).mail)).toBeGreaterThan(allSentAt);
    },
    { timeout: 90_000, interval: 500 },
  );
}

export async function expectEachOutboxMailDeliveredOnce(cluster: TwoInstanceCluster, expected: number) {
  const rows = await cluster.sql<{ to_address: string; n: number }[]>`
    select to_address, count(*)::int as n from email_outbox group by to_address`;
  expect(rows.reduce((sum, r) => sum + r.n, 0)).toBe(expected);
  expect(cluster.smtp.received).toHaveLength(expected);
  for (const row of rows) expect(cluster.smtp.to(row.to_address)).toHaveLength(row.n);
}
