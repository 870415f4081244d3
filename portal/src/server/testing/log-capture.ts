import { inspect } from 'node:util';
import { vi } from 'vitest';

/**
 * Console output and anything written to stdout / stderr, as the server's log would hold it, appended
 * to `into` (stdout and stderr still print). `vi.restoreAllMocks()` ends the capture.
 */
export function captureLogs(into: string[]) {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      into.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 6 }))).join(' '));
    });
  }
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      into.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof stream.write);
  }
}
