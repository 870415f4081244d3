import { browser } from 'wxt/browser';
import { local } from '../state/local-state';
import { serialized } from '../state/serialized';

export const ALARM_FLUSH = 'flush';
/** Chromium does not fire alarms more often than every 30 s anyway. */
export const FLUSH_PERIOD_MINUTES = 0.5;

/** The stored lists (and the dropped-events count) that hold something for the portal. */
const WAITING = [local.queue, local.dropped, local.pendingRequests, local.candidatesPending];
const WAITING_KEYS = WAITING.map((item) => item.key);

/** A non-empty list, or a count above zero. */
const holdsSomething = (value: unknown) =>
  Array.isArray(value) ? value.length > 0 : typeof value === 'number' && value > 0;

/** Events, access requests or candidates waiting for the portal. */
export async function somethingWaits(): Promise<boolean> {
  const values = await Promise.all(WAITING.map((item) => item.get()));
  return values.some(holdsSomething);
}

/** Whether a storage change made one of the waiting lists go from empty to non-empty or back. */
export function waitingChanged(changes: Record<string, { oldValue?: unknown; newValue?: unknown }>): boolean {
  return WAITING_KEYS.some((key) => {
    const change = changes[key];
    return change !== undefined && holdsSomething(change.oldValue) !== holdsSomething(change.newValue);
  });
}

/**
 * The flush alarm runs only while something waits to be sent: a browser with nothing to send is not
 * woken every 30 s. Called whenever the waiting lists change, after every flush and on the policy alarm
 * (so a missed change heals itself); serialised, so a clear and a create cannot cross.
 */
export function syncFlushAlarm(): Promise<'running' | 'stopped'> {
  return serialized(async () => {
    const waits = await somethingWaits();
    const alarm = await browser.alarms.get(ALARM_FLUSH);
    if (waits && !alarm) await browser.alarms.create(ALARM_FLUSH, { periodInMinutes: FLUSH_PERIOD_MINUTES });
    if (!waits && alarm) await browser.alarms.clear(ALARM_FLUSH);
    return waits ? 'running' : 'stopped';
  });
}
