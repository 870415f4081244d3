import type { EventBatch } from '@sightline/shared/extension-api/usage-events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { makeEvent } from '../events/make-event';
import type { PortalClient, PortalResult } from '../portal/portal-client';
import { local } from '../state/local-state';
import { resetToEnrolledBrowser } from '../testing/enrolled-browser';
import { enqueue, snapshot } from './event-queue';
import { flush } from './flush';

const visit = () => makeEvent({ kind: 'visit', serviceId: 'openai-chatgpt', host: 'chatgpt.com' })!;

function fakeClient(answer: (batch: EventBatch) => PortalResult<{ stored: number; duplicates: number }>) {
  const batches: EventBatch[] = [];
  const client = {
    events: vi.fn(async (_url: string, _cred: string, batch: EventBatch) => {
      batches.push(structuredClone(batch));
      return answer(batch);
    }),
    request: vi.fn(),
    candidates: vi.fn(async () => ({ ok: true, value: {} }) as const),
  } as unknown as PortalClient;
  return { client, batches };
}

const ok = (b: EventBatch) => ({ ok: true as const, value: { stored: b.events.length, duplicates: 0 } });

beforeEach(resetToEnrolledBrowser);

describe('flush', () => {
  it('sends the queue in batches of at most 500 and removes exactly the ids the portal accepted', async () => {
    const events = Array.from({ length: 1203 }, visit);
    await enqueue(events);
    const { client, batches } = fakeClient(ok);
    const outcome = await flush(client, { manual: true });
    expect(outcome).toEqual({ status: 'sent', sent: 1203, remaining: 0 });
    expect(batches.map((b) => b.events.length)).toEqual([500, 500, 203]);
    expect(batches.flatMap((b) => b.events.map((e) => e.id))).toEqual(events.map((e) => e.id));
  });

  it('reports the dropped count with the next batch, then clears it', async () => {
    await enqueue(Array.from({ length: 5 }, visit), 3);
    const { client, batches } = fakeClient(ok);
    await flush(client, { manual: true });
    expect(batches[0]?.dropped).toBe(2);
    expect((await snapshot()).dropped).toBe(0);
  });

  it('keeps everything and backs off with jitter while the portal is unreachable', async () => {
    await enqueue([visit(), visit()]);
    const { client } = fakeClient(() => ({ ok: false, kind: 'network', message: 'Failed to fetch' }));
    const now = 1_000_000;
    const outcome = await flush(client, { manual: true, now: () => now, random: () => 0 });
    expect(outcome).toMatchObject({ status: 'failed', retryAt: now + 15_000 });
    expect((await snapshot()).events).toHaveLength(2);
    // An alarm before the retry time does nothing; a second failure waits longer.
    expect(await flush(client, { now: () => now + 1000 })).toEqual({
      status: 'waiting',
      until: now + 15_000,
    });
    const second = await flush(client, { now: () => now + 20_000, random: () => 1 });
    expect(second).toMatchObject({ status: 'failed', retryAt: now + 20_000 + 60_000 });
    expect((await local.flushState.get())?.failures).toBe(2);
  });

  it('waits exactly as long as the portal asks (429 + Retry-After), keeps the rest of the queue, and sends it once after the wait', async () => {
    const events = Array.from({ length: 700 }, visit);
    await enqueue(events);
    let calls = 0;
    const { client, batches } = fakeClient((b) =>
      calls++ === 1
        ? { ok: false, kind: 'server', status: 429, message: 'too often', retryAfterMs: 45_000 }
        : ok(b),
    );
    const now = 5_000_000;
    const outcome = await flush(client, { manual: true, now: () => now, random: () => 0 });
    expect(outcome).toMatchObject({ status: 'failed', retryAt: now + 45_000 });
    // The first batch was accepted and acknowledged; the refused one is still queued.
    expect((await snapshot()).events).toHaveLength(200);
    // Being told to wait is not a failure: the exponential backoff does not grow.
    expect((await local.flushState.get())?.failures).toBe(0);
    expect(await flush(client, { now: () => now + 44_000 })).toMatchObject({ status: 'waiting' });
    expect(await flush(client, { now: () => now + 45_000 })).toMatchObject({ status: 'sent', remaining: 0 });
    const delivered = batches.filter((_, i) => i !== 1).flatMap((b) => b.events.map((e) => e.id));
    expect(delivered).toEqual(events.map((e) => e.id));
  });

  it('stops for good when the portal says the device was revoked', async () => {
    await enqueue([visit()]);
    const { client } = fakeClient(() => ({
      ok: false,
      kind: 'unauthorized',
      revoked: true,
      message: 'revoked',
    }));
    expect(await flush(client, { manual: true })).toEqual({ status: 'revoked' });
    expect((await local.enrollment.get())?.revokedAt).toBeTruthy();
    expect(await flush(client, { manual: true })).toEqual({ status: 'revoked' });
    expect(client.events).toHaveBeenCalledTimes(1);
    expect((await snapshot()).events).toHaveLength(1);
  });

  it('drops and counts a batch the portal refuses as malformed, and goes on', async () => {
    await enqueue([visit(), visit()]);
    let calls = 0;
    const { client } = fakeClient((b) =>
      calls++ === 0 ? { ok: false, kind: 'rejected', status: 400, message: 'bad' } : ok(b),
    );
    expect(await flush(client, { manual: true })).toMatchObject({ status: 'sent', remaining: 0 });
    expect((await snapshot()).dropped).toBe(0);
  });

  it('does nothing before enrollment', async () => {
    await fakeBrowser.storage.local.remove('enrollment');
    await enqueue([visit()]);
    const { client } = fakeClient(ok);
    expect(await flush(client, { manual: true })).toEqual({ status: 'not-enrolled' });
    expect(client.events).not.toHaveBeenCalled();
  });
});
