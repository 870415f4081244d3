import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { makeEvent } from '../events/make-event';
import type { PortalClient } from '../portal/portal-client';
import { local } from '../state/local-state';
import { resetToEnrolledBrowser } from '../testing/enrolled-browser';
import { enqueue } from './event-queue';
import { flush } from './flush';
import { ALARM_FLUSH, syncFlushAlarm } from './flush-alarm';

const visit = () => makeEvent({ kind: 'visit', serviceId: 'openai-chatgpt', host: 'chatgpt.com' })!;
const flushAlarm = () => fakeBrowser.alarms.get(ALARM_FLUSH);

function client(reachable: () => boolean): PortalClient {
  return {
    events: vi.fn(async (_u: string, _c: string, batch: { events: unknown[] }) =>
      reachable()
        ? { ok: true, value: { stored: batch.events.length, duplicates: 0 } }
        : { ok: false, kind: 'network', message: 'portal unreachable' },
    ),
    request: vi.fn(),
    candidates: vi.fn(async () => ({ ok: true, value: {} })),
  } as unknown as PortalClient;
}

beforeEach(resetToEnrolledBrowser);

describe('the flush alarm', () => {
  it('does not run while nothing waits, so an idle browser is not woken every 30 s', async () => {
    expect(await syncFlushAlarm()).toBe('stopped');
    expect(await flushAlarm()).toBeUndefined();
  });

  it('runs while events wait, keeps running while the portal is unreachable, and stops once all is sent', async () => {
    let up = false;
    const portal = client(() => up);
    await enqueue([visit(), visit()]);
    expect(await syncFlushAlarm()).toBe('running');
    expect((await flushAlarm())?.periodInMinutes).toBe(0.5);

    expect((await flush(portal, { manual: true })).status).toBe('failed');
    expect(await flushAlarm()).toBeDefined();

    up = true;
    expect(await flush(portal, { manual: true })).toMatchObject({ status: 'sent', sent: 2, remaining: 0 });
    expect(await flushAlarm()).toBeUndefined();
  });

  it('runs for an access request or a candidate waiting alone', async () => {
    await local.candidatesPending.set([{ host: 'brand-new-chatbot.ai', signals: ['ai-tld'] }]);
    expect(await syncFlushAlarm()).toBe('running');
    await local.candidatesPending.set([]);
    expect(await syncFlushAlarm()).toBe('stopped');
    expect(await flushAlarm()).toBeUndefined();
  });
});
