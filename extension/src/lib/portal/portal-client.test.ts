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
