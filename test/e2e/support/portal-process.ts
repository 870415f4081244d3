import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { launchPortalProcess, type PortalChild, type PortalMemory, portalMemory } from './portal-child';

export type RunningPortal = {
  url: string;
  port: number;
  /** The first admin, with the password they chose (or the printed one-time one, when kept). */
  admin: { email: string; password: string };
  /** A postgres:// URL to read the portal's database directly (only with DATABASE_URL). */
  databaseUrl: string | null;
  dataDir: string;
  output: () => string;
  /** The running server's resident memory, now and at its peak so far (Linux; see portal-child). */
  memory: () => PortalMemory;
  stop: () => Promise<void>;
  /** Stops the process but keeps its database, for restart scenarios. */
  pause: () => Promise<void>;
  /** Ends the process with SIGKILL, as a crash or the OOM killer would: no shutdown code runs. */
  kill: () => Promise<void>;
  resume: () => Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export type StartOptions = {
  /**
   * Keep the first admin's printed one-time password. Otherwise the admin replaces it right away
   * through the API, as they would on the first-run screen, so that specs about other things sign in
   * with a password that unlocks the portal.
   */
  keepOneTimePassword?: boolean;
  /** A database the caller owns (a fault test's own server): used as is, neither created nor dropped. */
  databaseUrl?: string;
};

/**
 * Starts the real portal (the built server, as `pnpm start` runs it) as its own process on a fresh database: a
 * throwaway database on the server in DATABASE_URL when set, else PGlite in a temp folder.
 */
export async function startPortal(
  extraEnv: Record<string, string> = {},
  options: StartOptions = {},
): Promise<RunningPortal> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'sl-e2e-'));
  let databaseUrl: string | null = null;
  let dbName: string | null = null;
  if (options.databaseUrl) {
    databaseUrl = options.databaseUrl;
  } else if (process.env.DATABASE_URL) {
    dbName = `sl_e2e_${randomBytes(5).toString('hex')}`;
    const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${dbName}`);
    await admin.end();
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  }
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    DATA_DIR: dataDir,
    ...extraEnv,
  };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;

  let out = '';
  let running: PortalChild | null = null;
  const launch = async () => {
    running = await launchPortalProcess(env, (chunk) => {
      out += chunk;
    });
  };
  const halt = async () => {
    await running?.stop();
  };
  await launch();
  const email = /email:\s+(\S+)/.exec(out)?.[1];
  const password = /password:\s+(\S+)/.exec(out)?.[1];
  if (!email || !password) throw new Error(`no first-admin credentials printed:\n${out}`);
  const admin = {
    email,
    password: options.keepOneTimePassword ? password : await replaceOneTimePassword(url, email, password),
  };

  return {
    url,
    port,
    admin,
    databaseUrl,
    dataDir,
    output: () => out,
    memory: () => (running ? portalMemory(running.child) : { rssMb: 0, peakRssMb: 0 }),
    pause: halt,
    kill: async () => {
      await running?.kill();
    },
    resume: launch,
    stop: async () => {
      await halt();
      rmSync(dataDir, { recursive: true, force: true });
      if (dbName && process.env.DATABASE_URL) {
        const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
        await admin.unsafe(`drop database if exists ${dbName} with (force)`);
        await admin.end();
      }
    },
  };
}

/** Signs in with the one-time password and chooses a random one through the portal's own route. */
async function replaceOneTimePassword(url: string, email: string, oneTime: string): Promise<string> {
  const signIn = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password: oneTime }),
  });
  if (signIn.status !== 200) throw new Error(`first-admin sign-in failed: ${signIn.status}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const password = randomBytes(18).toString('base64url');
  const change = await fetch(`${url}/api/auth/change-password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url, cookie },
    body: JSON.stringify({ currentPassword: oneTime, newPassword: password }),
  });
  if (change.status !== 200) throw new Error(`first-admin password change failed: ${await change.text()}`);
  return password;
}
