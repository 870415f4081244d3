import type { AccountHint, UsageEventKind } from '@sightline/shared/usage/event-kinds';

/** The columns of a stored usage event that the daily counts are made of. */
export type StoredEvent = {
  kind: UsageEventKind;
  serviceId: string | null;
  host: string;
  /** For api_call: the host of the page that made the request. */
  initiatorHost: string | null;
  accountHint: AccountHint | null;
  itemCount: number | null;
  bytes: number | null;
  occurredAt: Date;
};

/** The rollup tables' counter columns (usage_daily, usage_service_day, usage_rollup_delta). */
export const rollupCounterColumns = [
  'visits',
  'logins',
  'pastes',
  'paste_bytes',
  'uploads',
  'upload_bytes',
  'api_calls',
  'warnings',
  'blocks',
  'proceeds',
  'personal_account_events',
] as const;

export type Increment = {
  day: string;
  serviceId: string;
  visits: number;
  logins: number;
  pastes: number;
  pasteBytes: number;
  uploads: number;
  uploadBytes: number;
  apiCalls: number;
  warnings: number;
  blocks: number;
  proceeds: number;
  personalAccountEvents: number;
};

function empty(day: string, serviceId: string): Increment {
  return {
    day,
    serviceId,
    visits: 0,
    logins: 0,
    pastes: 0,
    pasteBytes: 0,
    uploads: 0,
    uploadBytes: 0,
    apiCalls: 0,
    warnings: 0,
    blocks: 0,
    proceeds: 0,
    personalAccountEvents: 0,
  };
}

/**
 * Sums stored events into per (UTC day, service) counters. Events without a service have no rollup.
 * It takes the rows the insert returned, not the request, so only what was stored is counted.
 */
export function dailyIncrements(events: readonly StoredEvent[]): Increment[] {
  const byKey = new Map<string, Increment>();
  for (const e of events) {
    if (!e.serviceId) continue;
    const day = e.occurredAt.toISOString().slice(0, 10);
    const key = `${day}|${e.serviceId}`;
    let inc = byKey.get(key);
    if (!inc) {
      inc = empty(day, e.serviceId);
      byKey.set(key, inc);
    }
    if (e.accountHint === 'personal') inc.personalAccountEvents += 1;
    switch (e.kind) {
      case 'visit':
        inc.visits += 1;
        break;
      case 'login':
        inc.logins += 1;
        break;
      case 'paste':
        inc.pastes += e.itemCount ?? 1;
        inc.pasteBytes += e.bytes ?? 0;
        break;
      case 'upload':
        inc.uploads += e.itemCount ?? 1;
        inc.uploadBytes += e.bytes ?? 0;
        break;
      case 'api_call':
        inc.apiCalls += 1;
        break;
      case 'warning_shown':
        inc.warnings += 1;
        break;
      case 'blocked':
        inc.blocks += 1;
        break;
      case 'proceeded':
        inc.proceeds += 1;
        break;
      default:
        break;
    }
  }
  return [...byKey.values()];
}

/** API calls of a batch per UTC day, service, calling page's host ('' when unknown) and API host. */
export type ApiCallerIncrement = {
  day: string;
  serviceId: string;
  initiatorHost: string;
  apiHost: string;
  calls: number;
  lastAt: Date;
};

export function apiCallerIncrements(events: readonly StoredEvent[]): ApiCallerIncrement[] {
  const byKey = new Map<string, ApiCallerIncrement>();
  for (const e of events) {
    if (e.kind !== 'api_call' || !e.serviceId) continue;
    const day = e.occurredAt.toISOString().slice(0, 10);
    const initiatorHost = e.initiatorHost ?? '';
    const key = JSON.stringify([day, e.serviceId, initiatorHost, e.host]);
    const inc = byKey.get(key);
    if (inc) {
      inc.calls += 1;
      if (e.occurredAt > inc.lastAt) inc.lastAt = e.occurredAt;
    } else
      byKey.set(key, {
        day,
        serviceId: e.serviceId,
        initiatorHost,
        apiHost: e.host,
        calls: 1,
        lastAt: e.occurredAt,
      });
  }
  // Key order is the lock order (see ingestEvents).
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, inc]) => inc);
}
