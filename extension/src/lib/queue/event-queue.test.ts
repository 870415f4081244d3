import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { makeEvent } from '../events/make-event';
import { acknowledge, discard, enqueue, snapshot, takeBatch } from './event-queue';

const visit = (host = 'chatgpt.com') =>
  makeEvent({ kind: 'visit', serviceId: 'openai-chatgpt', host, matchedRule: 'domain:chatgpt.com' })!;

beforeEach(() => fakeBrowser.reset());

describe('event queue', () => {
  it('keeps events in storage.local, so they outlive the worker', async () => {
    const events = [visit(), visit()];
    await enqueue(events);
    const raw = await fakeBrowser.storage.local.get('queue');
    expect((raw.queue as { id: string }[]).map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect((await snapshot()).events).toHaveLength(2);
  });

  it('never loses events to concurrent writers', async () => {
    await Promise.all(Array.from({ length: 50 }, () => enqueue([visit()])));
    expect((await snapshot()).events).toHaveLength(50);
  });

  it('is capped: the oldest events go and are counted as dropped', async () => {
    const events = Array.from({ length: 12 }, () => visit());
    await enqueue(events.slice(0, 8), 10);
    await enqueue(events.slice(8), 10);
    const { events: kept, dropped } = await snapshot();
    expect(kept.map((e) => e.id)).toEqual(events.slice(2).map((e) => e.id));
    expect(dropped).toBe(2);
  });

  it('takes batches oldest first within the count and size limits', () => {
    const events = Array.from({ length: 10 }, () => visit());
    expect(takeBatch(events, 4, 1_000_000).map((e) => e.id)).toEqual(events.slice(0, 4).map((e) => e.id));
    const one = JSON.stringify(events[0]).length;
    expect(takeBatch(events, 500, 64 + one * 3 + 3)).toHaveLength(3);
    expect(takeBatch([], 500, 1000)).toEqual([]);
  });

  it('acknowledges exactly the ids sent: events queued meanwhile stay, dropped count goes down by what was reported', async () => {
    const first = [visit(), visit(), visit()];
    await enqueue(first, 2);
    expect((await snapshot()).dropped).toBe(1);
    const sent = (await snapshot()).events;
    const later = visit();
    await enqueue([later], 10);
    await acknowledge(new Set(sent.map((e) => e.id)), 1);
    const after = await snapshot();
    expect(after.events.map((e) => e.id)).toEqual([later.id]);
    expect(after.dropped).toBe(0);
  });

  it('discards a refused batch and counts it as dropped', async () => {
    const events = [visit(), visit()];
    await enqueue(events);
    await discard(new Set([events[0]!.id]));
    expect(await snapshot()).toMatchObject({ dropped: 1, events: [{ id: events[1]!.id }] });
  });
});
