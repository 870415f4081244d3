import { databaseFault } from '../database-faults';
import { noteTokenProblem } from '../features/sso/sso-attempt';
import { loggableError } from '../loggable-error';

type Level = 'debug' | 'info' | 'warn' | 'error';

/**
 * better-auth's log, without what its own logger prints: it writes each failed query's error object,
 * whose `params` hold the session token digest being looked up. Errors are written as loggableError
 * writes them (codes, messages, parameterised query text); other values only by their type. A
 * database that cannot be reached is left to the request's own fault line (with its request id),
 * since better-auth passes the error on to it.
 */
export function logAuthEvent(level: Level, message: unknown, ...args: unknown[]): void {
  if (args.some((arg) => databaseFault(arg))) return;
  noteTokenProblem([message, ...args]);
  const details = args.map((arg) => (arg instanceof Error ? loggableError(arg) : `(${typeof arg})`));
  const head = message instanceof Error ? loggableError(message) : String(message);
  const line = [`[Better Auth] ${level}: ${head}`, ...details].join('\n  ');
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.info(line);
}
