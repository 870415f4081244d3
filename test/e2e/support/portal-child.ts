import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const portalDir = resolve(import.meta.dirname, '../../../portal');
/** The built server (`node build-server.mjs`, run by the suites' global setup), as `pnpm start` runs it. */
export const builtServer = resolve(portalDir, 'dist/server/main.js');

/**
 * How long a start may take before it counts as hung. The built server loads in a few seconds; with
 * PGlite, running the migrations inside its WebAssembly PostgreSQL takes longer, and a busy 2-core
 * machine can stretch both several times. A spec that starts the portal in a hook still has the
 * hook's own budget (90 s unless the hook sets one).
 */
export const STARTUP_LIMIT_MS = 180_000;

export type PortalChild = {
  child: ChildProcess;
  /** Everything this process wrote to stdout and stderr so far. */
  output: () => string;
  /** SIGTERM (the portal's own graceful shutdown), SIGKILL after 5 s; resolves once it has exited. */
  stop: () => Promise<void>;
  /**
   * SIGKILL, as a crash or the OOM killer would: no shutdown code runs. Any process the server
   * started first, then the server.
   */
  kill: () => Promise<void>;
};

/**
 * Starts the real portal (`node dist/server/main.js`, as `pnpm start` does after its builds) with
 * exactly `env`, and resolves once it prints its start-up line. Rejects with the output when it exits
 * first or does not start within STARTUP_LIMIT_MS.
 */
export async function launchPortalProcess(
  env: Record<string, string>,
  onOutput: (chunk: string) => void = () => {},
): Promise<PortalChild> {
  let out = '';
  const child = spawn(process.execPath, ['--enable-source-maps', builtServer], {
    cwd: portalDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((started, failed) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      failed(new Error(`portal did not start in ${STARTUP_LIMIT_MS / 1000} s:\n${out}`));
    }, STARTUP_LIMIT_MS);
    const collect = (d: unknown) => {
      out += String(d);
      onOutput(String(d));
      if (out.includes('portal is running at')) {
        clearTimeout(timer);
        started();
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', () => {
      clearTimeout(timer);
      failed(new Error(`portal exited early:\n${out}`));
    });
  });
  return {
    child,
    output: () => out,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      });
    },
    kill: async () => {
      if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
      const pids = [...descendants(child.pid).reverse(), child.pid];
      await new Promise<void>((done) => {
        child.once('exit', () => done());
        for (const pid of pids) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // Already gone.
          }
        }
      });
    },
  };
}

/** The process ids below `pid`. */
function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
  return children.flatMap((c) => [c, ...descendants(c)]);
}

/** A `kB` field of /proc/<pid>/status in MB, or 0 when the process is gone. */
function statusMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export type PortalMemory = { rssMb: number; peakRssMb: number };

/**
 * The portal server's resident memory now (VmRSS) and at its peak (VmHWM, the kernel's high-water
 * mark), in MB: of the largest among the launched process and its descendants (the server itself).
 * Linux only; zeros elsewhere or once it has exited.
 */
export function portalMemory(child: ChildProcess): PortalMemory {
  if (!child.pid) return { rssMb: 0, peakRssMb: 0 };
  const pids = [child.pid, ...descendants(child.pid)];
  const server = pids.reduce((best, pid) => (statusMb(pid, 'VmHWM') > statusMb(best, 'VmHWM') ? pid : best));
  return { rssMb: statusMb(server, 'VmRSS'), peakRssMb: statusMb(server, 'VmHWM') };
}
