import { DrizzleQueryError } from 'drizzle-orm';

/**
 * An error as the server logs it: each cause's name, SQLSTATE and message, and the stack frames,
 * never the values a failed statement carried. drizzle's DrizzleQueryError writes every parameter
 * into its message (`params: …`), the drivers keep them on the error (`parameters`, and `detail`'s
 * "Failing row contains (…)"), and printing the error object prints them all: an insert's parameters
 * can be a mail's link or a session's data. Only parameterised query text and messages are kept.
 */
export function loggableError(error: unknown): string {
  const causes: string[] = [];
  let frames = '';
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (current instanceof DrizzleQueryError) {
      causes.push(`Failed query: ${current.query}`);
    } else if (current instanceof Error) {
      const code = (current as { code?: unknown }).code;
      causes.push(`${current.name}${typeof code === 'string' ? ` [${code}]` : ''}: ${current.message}`);
    } else {
      causes.push(`a thrown ${typeof current}`);
      break;
    }
    frames ||= stackFrames(current);
    current = current.cause;
  }
  return [causes.join('\n  caused by '), frames].filter(Boolean).join('\n');
}

/** The "at …" lines of a stack, without its first line (which repeats the message). */
function stackFrames(error: Error): string {
  return (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
}
