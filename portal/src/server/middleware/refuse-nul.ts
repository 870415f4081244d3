import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context';
import { AppError } from '../errors';
import { DEFAULT_BODY_LIMIT } from './body-size';

/**
 * PostgreSQL text and jsonb cannot hold the NUL character (U+0000), so no request that carries one is
 * let in: it is bad input, answered 400 before any route (or better-auth) reads it, so nothing is
 * written and no query fails halfway. This is the one place the rule lives; multipart text fields,
 * which this does not read (they come with uploads), go through `refuseNulIn` as the form is parsed.
 */
export const refuseNulCharacters = createMiddleware<AppEnv>(async (c, next) => {
  // Path parameters and the query as sent: a NUL can only arrive percent-encoded.
  if (/%00/.test(c.req.url)) throw nulRefused('the address');
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  const json = type.includes('json');
  const form = type.startsWith('application/x-www-form-urlencoded');
  if ((json || form || type.startsWith('text/')) && c.req.raw.body) {
    const text = await readUpTo(c.req.raw.clone(), DEFAULT_BODY_LIMIT);
    if (text === null)
      throw new AppError('payload_too_large', `A ${type} body is at most ${DEFAULT_BODY_LIMIT / 1024} KB`);
    if (text.includes('\u0000') || (json && JSON_NUL_ESCAPE.test(text)) || (form && /%00/.test(text)))
      throw nulRefused('the body');
  }
  await next();
});

/** `\u0000` as a JSON escape: preceded by an even number of backslashes, so `\\u0000` (a literal backslash) is not one. */
const JSON_NUL_ESCAPE = /(?:^|[^\\])(?:\\\\)*\\u0000/i;

/** For a parser of its own (multipart form fields): the same refusal for a field with a NUL. */
export function refuseNulIn(field: string, value: string): void {
  if (value.includes('\u0000')) throw nulRefused(`the field "${field}"`);
}

function nulRefused(where: string): AppError {
  return new AppError('bad_request', `The request contains a NUL character (in ${where})`);
}

/**
 * A clone's body as text, or null past `maxBytes`. Routes with a larger limit take multipart only, so
 * a text body that long is refused here rather than read without bound.
 */
async function readUpTo(request: Request, maxBytes: number): Promise<string | null> {
  const reader = request.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      // Not awaited: cancelling one branch of a cloned (teed) body settles only once the other branch
      // is cancelled too, and the route never reads the original, so awaiting it never returned.
      reader.cancel().catch(() => {});
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
}
