import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_RETRY_AFTER_SECONDS, handleError } from './errors';

/** A route that throws `error`, answered by the portal's own error handler. */
function answerTo(error: unknown) {
  const app = new Hono();
  app.get('/x', () => {
    throw error;
  });
  app.onError(handleError);
  return app.request('/x');
}

/** An error as drizzle throws it: the driver's error as its cause. */
function wrapped(code: string, message = 'connection problem') {
  return new Error('Failed query: select 1', { cause: Object.assign(new Error(message), { code }) });
}

afterEach(() => vi.restoreAllMocks());

describe('faults answer as faults', () => {
  it('answers 503 with Retry-After while the database cannot be reached, whatever the driver calls it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const code of ['ECONNREFUSED', 'CONNECTION_CLOSED', '57P01', '57P03', '08006', 'CONNECT_TIMEOUT']) {
      const res = await answerTo(wrapped(code));
      expect(res.status, code).toBe(503);
      expect(res.headers.get('retry-after')).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
      expect((await res.json()).error.code).toBe('unavailable');
    }
    // One line per failure, with the codes and never the query or its values.
    expect(log).toHaveBeenCalledTimes(6);
    expect(String(log.mock.calls[0]?.[0])).not.toContain('select');
  });

  it('keeps a 5xx HTTPException a 5xx (it was answered 400, blaming the caller)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const bad = await answerTo(new HTTPException(502, { message: 'upstream broke' }));
    expect(bad.status).toBe(502);
    expect((await bad.json()).error).toEqual({
      code: 'internal',
      message: 'Something went wrong on our side',
    });
    const away = await answerTo(new HTTPException(503));
    expect(away.status).toBe(503);
    expect((await away.json()).error.code).toBe('unavailable');
  });

  it('still answers the caller’s mistakes with 4xx and anything unknown with 500', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect((await answerTo(new HTTPException(413))).status).toBe(413);
    expect((await answerTo(wrapped('22P05', 'unsupported Unicode escape sequence'))).status).toBe(400);
    expect((await answerTo(wrapped('23505', 'duplicate key'))).status).toBe(409);
    expect((await answerTo(new Error('boom'))).status).toBe(500);
  });
});
