import { describe, expect, it } from 'vitest';
import { createPortalClient } from './portal-client';

const batch = { events: [], dropped: 0, extensionVersion: '0.1.0' };
const answering = (status: number, headers: Record<string, string> = {}) =>
  createPortalClient(async () =>
    Response.json({ error: { code: 'rate_limited', message: 'Slow down' } }, { status, headers }),
  );

describe('portal client', () => {
  it('passes on the wait a 429 or 503 names in Retry-After, so the queue can honour it', async () => {
    expect(await answering(429, { 'retry-after': '30' }).events('https://p', 'c', batch)).toEqual({
      ok: false,
      kind: 'server',
      status: 429,
      message: 'Slow down',
      retryAfterMs: 30_000,
    });
    const unavailable = await answering(503, { 'retry-after': '5' }).events('https://p', 'c', batch);
    expect(unavailable).toMatchObject({ kind: 'server', status: 503, retryAfterMs: 5_000 });
  });

  it('leaves the wait to its own backoff when the portal names none', async () => {
    const result = await answering(500).events('https://p', 'c', batch);
    expect(result).toMatchObject({ ok: false, kind: 'server', status: 500 });
    expect(result).not.toHaveProperty('retryAfterMs');
  });
});

describe("the portal's refusals, read with the shared error parser", () => {
  const replying = (status: number, body: BodyInit | null, headers: Record<string, string> = {}) =>
    createPortalClient(async () => new Response(body, { status, headers }));
  const json = (value: unknown) => JSON.stringify(value);

  it('a revoked device is told apart from an unknown one by the error details', async () => {
    const revoked = json({
      error: { code: 'unauthenticated', message: 'This device was revoked', details: { reason: 'revoked' } },
    });
    expect(await replying(401, revoked).policy('https://p', 'c', null)).toEqual({
      ok: false,
      kind: 'unauthorized',
      revoked: true,
      message: 'This device was revoked',
    });
    const unknown = json({ error: { code: 'unauthenticated', message: 'Unknown device' } });
    expect(await replying(401, unknown).policy('https://p', 'c', null)).toMatchObject({
      kind: 'unauthorized',
      revoked: false,
      message: 'Unknown device',
    });
    // Details of another shape (or a body that only looks like the error shape) do not mean revoked.
    const odd = json({ error: { code: 'unauthenticated', message: 'No', details: { reason: ['revoked'] } } });
    expect(await replying(401, odd).policy('https://p', 'c', null)).toMatchObject({ revoked: false });
  });

  it("a proxy's error page is a server fault named by its status, so the queue retries it", async () => {
    const result = await replying(502, '<html>Bad gateway</html>', { 'content-type': 'text/html' }).events(
      'https://p',
      'c',
      batch,
    );
    expect(result).toEqual({
      ok: false,
      kind: 'server',
      status: 502,
      message: 'The server answered 502. Please try again.',
    });
  });

  it('a 400 in the error shape is a rejection with the portal’s message', async () => {
    const body = json({ error: { code: 'bad_request', message: 'events.0.host: Not a host name' } });
    expect(await replying(400, body).events('https://p', 'c', batch)).toEqual({
      ok: false,
      kind: 'rejected',
      status: 400,
      message: 'events.0.host: Not a host name',
    });
  });
});
