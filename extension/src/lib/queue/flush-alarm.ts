import { browser } from 'wxt/browser';
import { getLocal, serialized } from '../state/local-state';

export const ALARM_FLUSH = 'flush';
/** Chromium does not fire alarms more often than every 30 s anyway. */
export const FLUSH_PERIOD_MINUTES = 0.5;

/** Events, access requests or candidates waiting for the portal. */
export async function somethingWaits(): Promise<boolean> {
  const [queue, dropped, requests, candidates] = await Promise.all([
    getLocal('queue'),
    getLocal('dropped'),
    getLocal('pendingRequests'),
    getLocal('candidatesPending'),
  ]);
  return (
    (queue?.length ?? 0) > 0 ||
    (dropped ?? 0) > 0 ||
    (requests?.length ?? 0) > 0 ||
    (candidates?.length ?? 0) > 0
  );
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
