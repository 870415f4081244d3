import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { schema } from './schema';

export type Schema = typeof schema;
/** The database handle every service takes: the same API on PGlite and on a PostgreSQL server. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle or the database itself; services accept either. */
export type DbOrTx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export type DbOptions = {
  /** A postgres:// URL. When absent, an embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** PGlite's data folder; `memory://` keeps it in memory (tests). */
  dataDir?: string | undefined;
  /** Connections in the postgres pool. */
  poolSize?: number;
  /**
   * Start-up work that must happen once however many instances start together (the settings row,
   * the first admin). It runs after the migrations while the start-up lock is still held, so a second
   * instance waits and then finds the work done.
   */
  setup?: (db: Db) => Promise<void>;
};

export type DbHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
};

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

/** Fixed key for the advisory lock that keeps two starting instances from migrating (and set-up) at once. */
export const MIGRATION_LOCK_KEY = 424242;

/** Opens the database and brings its schema up to date. */
export async function createDb(options: DbOptions): Promise<DbHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10, options.setup);
  return openPglite(options.dataDir ?? 'memory://', options.setup);
}

/**
 * How the pool meets a database that goes away (a restart, a failover, a network cut), so that each
 * request fails within seconds with an error the portal answers as 503, and the first request after
 * the database is back succeeds:
 * - a connection attempt gives up after CONNECT_TIMEOUT_SECONDS (postgres.js waits 30 s by default);
 * - between failed attempts the pool waits at most half a second. postgres.js counts failures across
 *   the whole pool and waits 3^failures / 100 s (up to 20 s): after a few seconds of outage every new
 *   query queued behind a 20 s wait, long after the database was back;
 * - the server ends a statement after 30 s and a session idle inside a transaction after 60 s, so neither a runaway query nor a forgotten transaction holds a
 *   connection and its locks for good. Maintenance that may run longer sets its own (SET LOCAL).
 */
export const CONNECT_TIMEOUT_SECONDS = 5;
const MAX_RECONNECT_DELAY_SECONDS = 0.5;
/** Milliseconds, as the server's settings take them. */
export const STATEMENT_TIMEOUT_MS = 30_000;
const IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;
const WORK_MEM = '16MB';

function reconnectDelaySeconds(failures: number): number {
  // 50 ms, 100 ms, 200 ms … 500 ms, with jitter so the pool's connections do not retry in step.
  return (
    Math.min(0.05 * 2 ** Math.max(0, failures - 1), MAX_RECONNECT_DELAY_SECONDS) * (0.5 + Math.random() / 2)
  );
}

async function openPostgres(url: string, poolSize: number, setup: DbOptions['setup']): Promise<DbHandle> {
  const client = postgres(url, {
    max: poolSize,
    onnotice: () => {},
    connect_timeout: CONNECT_TIMEOUT_SECONDS,
    backoff: reconnectDelaySeconds,
    connection: {
      statement_timeout: STATEMENT_TIMEOUT_MS,
      idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
      // The dashboard groups tens of thousands of (day, service) rollup rows; at the default 4 MB a
      // 180-day period's hash spilled to disk. Per sort or hash, so a full pool stays within ~200 MB.
      work_mem: WORK_MEM,
      // The portal's statements are short and gain nothing from JIT, while one planner misestimate
      // past jit_above_cost (a query tried for the dashboard: generate_series counts as 1,000 rows
      // whatever its range) cost 250 ms of compiling for 20 ms of work.
      jit: 'off',
    },
  });
  const db = drizzlePostgres(client, { schema }) as unknown as Db;
  // The start-up lock is a session lock on a connection of its own (closing it releases the lock on
  // any failure). Migrations may rewrite big tables: no statement timeout on that connection.
  const lockClient = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: CONNECT_TIMEOUT_SECONDS });
  try {
    await lockClient`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres(lockClient), { migrationsFolder });
    await setup?.(db);
    await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } catch (error) {
    await client.end({ timeout: 5 });
    throw error;
  } finally {
    await lockClient.end();
  }
  // Queries still running get 5 s to finish; a shutdown must not wait on a server that is gone.
  return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
}

async function openPglite(dataDir: string, setup: DbOptions['setup']): Promise<DbHandle> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const pgliteDb = drizzlePglite(client, { schema });
  await migratePglite(pgliteDb, { migrationsFolder });
  const db = pgliteDb as unknown as Db;
  // One process owns a PGlite folder, so nothing else can be starting on it.
  await setup?.(db);
  return { db, kind: 'pglite', close: () => client.close() };
}

/**
 * Runs maintenance work (retention, partition moves) in a transaction without the pool's statement
 * timeout: those statements may legitimately take minutes on a large table, and they answer no request.
 */
export function withoutStatementTimeout<T>(db: DbOrTx, work: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local statement_timeout = 0`);
    return work(tx);
  });
}

/** How many migrations have been applied, for the health endpoint. */
export async function appliedMigrationCount(db: Db): Promise<number> {
  const rows = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return Number(rowsOf<{ n: number }>(rows)[0]?.n ?? 0);
}

/** Rows from `db.execute`, whose result shape differs between the two drivers. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
