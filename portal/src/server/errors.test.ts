import { DrizzleQueryError } from 'drizzle-orm';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_RETRY_AFTER_SECONDS } from './database-faults';
import { handleError } from './errors';

/** A route that throws `error`, answered by the portal's own error handler (request ids as in app.ts). */
function answerTo(error: unknown, headers: Record<string, string> = {}) {
  const app = new Hono();
  app.use('*', requestId());
  app.get('/x', () => {
    throw error;
  });
  app.onError(handleError);
  return app.request('/x', { headers });
}

/** An error as drizzle throws it: the driver's error as its cause. */
function wrapped(code: string, message = 'connection problem') {
  return new Error('Failed query: select 1', { cause: Object.assign(new Error(message), { code }) });
}

const quietLog = () => vi.spyOn(console, 'error').mockImplementation(() => {});
afterEach(() => vi.restoreAllMocks());

describe('faults answer as faults', () => {
  it('answers 503 with Retry-After while the database cannot be reached, whatever the driver calls it', async () => {
    const log = quietLog();
    for (const code of ['ECONNREFUSED', 'CONNECTION_CLOSED', '57P01', '57P03', '08006', 'CONNECT_TIMEOUT']) {
      const res = await answerTo(wrapped(code));
      expect(res.status, code).toBe(503);
      expect(res.headers.get('retry-after')).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
      expect((await res.json()).error.code).toBe('unavailable');
    }
    // One line per failure, with the codes and never the query or its values.
    expect(log).toHaveBeenCalledTimes(6);
    expect(String(log.mock.calls[0]?.[0])).not.toContain('select');
    expect(String(log.mock.calls[0]?.[0])).toContain('ECONNREFUSED');
  });

  it('answers a statement timeout or a deadlock 503 with a short Retry-After: trying again works', async () => {
    quietLog();
    for (const code of ['57014', '40P01', '40001']) {
      const res = await answerTo(wrapped(code, 'canceling statement due to statement timeout'));
      expect(res.status, code).toBe(503);
      expect(res.headers.get('retry-after')).toBe('1');
      expect((await res.json()).error.code).toBe('unavailable');
    }
  });

  it('keeps a 5xx HTTPException a 5xx (it was answered 400, blaming the caller)', async () => {
    quietLog();
    const bad = await answerTo(new HTTPException(502, { message: 'upstream broke' }));
    expect(bad.status).toBe(502);
    expect((await bad.json()).error).toMatchObject({
      code: 'internal',
      message: 'Something went wrong on our side',
    });
    const away = await answerTo(new HTTPException(503));
    expect(away.status).toBe(503);
    expect((await away.json()).error.code).toBe('unavailable');
  });

  it('answers an unexpected throw 500 with the error shape and a request id that is in the log line', async () => {
    const log = quietLog();
    const res = await answerTo(new TypeError('cannot read x of undefined'));
    expect(res.status).toBe(500);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.json()).toEqual({
      error: { code: 'internal', message: 'Something went wrong on our side', details: { requestId: id } },
    });
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]?.[0])).toContain(`[${id}] 500 GET /x`);
    expect(String(log.mock.calls[0]?.[0])).toContain('TypeError: cannot read x of undefined');
  });

  it('keeps the caller’s request id, and a query’s values stay out of the log', async () => {
    const log = quietLog();
    const failed = new DrizzleQueryError(
      'select id from device where credential_hash = $1',
      ['s3cr3t-digest'],
      Object.assign(new Error('relation "device" is locked'), { code: 'XX000' }),
    );
    const res = await answerTo(failed, { 'x-request-id': 'lb-trace-42' });
    expect(res.status).toBe(500);
    expect(res.headers.get('x-request-id')).toBe('lb-trace-42');
    const line = String(log.mock.calls[0]?.[0]);
    expect(line).toContain('[lb-trace-42]');
    expect(line).toContain('select id from device where credential_hash = $1');
    expect(line).not.toContain('s3cr3t-digest');
  });

  it('still answers the caller’s mistakes with 4xx', async () => {
    quietLog();
    expect((await answerTo(new HTTPException(413))).status).toBe(413);
    expect((await answerTo(wrapped('23505', 'duplicate key'))).status).toBe(409);
  });

  it('answers a value the database refuses (SQLSTATE class 22) as our fault: validation should have caught it', async () => {
    quietLog();
    const res = await answerTo(wrapped('22P05', 'unsupported Unicode escape sequence'));
    expect(res.status).toBe(500);
    expect((await res.json()).error.code).toBe('internal');
  });
});
