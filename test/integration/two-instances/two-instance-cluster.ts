import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATION_LOCK_KEY } from '@sightline/db/client';
import { type SmtpSink, startSmtpSink } from '@sightline/portal/server/testing/smtp-sink';
import postgres from 'postgres';
import { expect, vi } from 'vitest';
import { launchPortalProcess, type PortalChild } from '../../e2e/support/portal-child';
import { freePort } from '../../e2e/support/portal-process';
import { startRoundRobinProxy } from './round-robin-proxy';

export type ClusterSettings = {
  /** The PostgreSQL server; the cluster makes a fresh database of its own on it and drops it at the end. */
  serverUrl: string;
  adminEmail: string;
  deviceBudget: number;
  /** How long both instances may take to queue on the start-up lock and start. */
  startsMs: number;
};

/**
 * Two portal processes on one fresh PostgreSQL database behind a round-robin proxy, both running the
 * workers, as an operator would run them, with a mail sink they both send to. The fields are set by
 * `start`; `stop` undoes whatever part of it ran, so a failed start still leaves nothing behind.
 */
export class TwoInstanceCluster {
  readonly dbName = `sl_two_${randomBytes(5).toString('hex')}`;
  sql!: postgres.Sql;
  smtp!: SmtpSink;
  proxy!: Awaited<ReturnType<typeof startRoundRobinProxy>>;
  instanceUrls!: string[];
  started: PromiseSettledResult<PortalChild>[] = [];
  /** How many instances were seen queued on the start-up lock before it was let go. */
  waitersSeen = 0;
  private readonly dataDirs: string[] = [];

  constructor(private readonly settings: ClusterSettings) {}

  instances(): PortalChild[] {
    return this.started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : ([] as PortalChild[])));
  }

  async start(): Promise<void> {
    const { serverUrl } = this.settings;
    const server = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await server.unsafe(`create database ${this.dbName}`);
    await server.end();
    const url = new URL(serverUrl);
    url.pathname = `/${this.dbName}`;
    const dbUrl = url.toString();
    this.sql = postgres(dbUrl, { max: 2, onnotice: () => {} });
    this.smtp = await startSmtpSink();
    const ports = [await freePort(), await freePort()];
    this.instanceUrls = ports.map((port) => `http://127.0.0.1:${port}`);
    this.proxy = await startRoundRobinProxy(this.instanceUrls);

    // The test holds the start-up lock while both instances start, and lets go only once both are
    // queued on it: they then race for it at the same instant, rather than one finishing its
    // migrations while the other is still loading its modules.
    const holder = postgres(dbUrl, { max: 1, onnotice: () => {} });
    await holder`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    const secret = randomBytes(32).toString('base64url');
    const launches = ports.map((port) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'sl-two-'));
      this.dataDirs.push(dataDir);
      const env: Record<string, string> = {
        ...(process.env as Record<string, string>),
        NODE_ENV: 'test',
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: this.proxy.url,
        DATA_DIR: dataDir,
        DATABASE_URL: dbUrl,
        // Every instance must sign session cookies with the same secret (see docs/operations.md).
        AUTH_SECRET: secret,
        SMTP_URL: this.smtp.url,
        ADMIN_EMAIL: this.settings.adminEmail,
        DEVICE_REQUESTS_PER_MINUTE: String(this.settings.deviceBudget),
        WORKERS: 'on',
      };
      return launchPortalProcess(env);
    });
    const failedStart = Promise.race(
      launches.map((launch) => launch.then(() => new Promise<never>(() => {}))),
    );
    failedStart.catch(() => {});
    await Promise.race([
      vi.waitFor(
        async () => {
          const [row] = await this.sql<{ n: number }[]>`
            select count(*)::int as n from pg_locks
            where locktype = 'advisory' and objid = ${MIGRATION_LOCK_KEY} and not granted
              and database = (select oid from pg_database where datname = current_database())`;
          this.waitersSeen = row!.n;
          expect(this.waitersSeen).toBe(2);
        },
        { timeout: this.settings.startsMs, interval: 100 },
      ),
      failedStart,
    ]).finally(() => holder.end());
    this.started = await Promise.allSettled(launches);
  }

  async stop(): Promise<void> {
    await Promise.all(this.instances().map((i) => i.stop()));
    await this.proxy?.close();
    await this.smtp?.close();
    await this.sql?.end();
    for (const dir of this.dataDirs) rmSync(dir, { recursive: true, force: true });
    const server = postgres(this.settings.serverUrl, { max: 1, onnotice: () => {} });
    await server.unsafe(`drop database if exists ${this.dbName} with (force)`);
    await server.end();
  }
}
