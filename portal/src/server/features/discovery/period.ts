import { addDays, daysBetween, type RangeQuery } from '@sightline/shared/discovery/discovery-api';

/** A dashboard period (both days inclusive, UTC) and the period of equal length just before it. */
export type Period = { from: string; to: string; days: number; previous: { from: string; to: string } };

const DEFAULT_DAYS = 30;

/** `days` means the last `days` days up to and including today (UTC); from/to are taken as given. */
export function resolvePeriod(query: RangeQuery, now: Date): Period {
  const today = now.toISOString().slice(0, 10);
  const from = query.from ?? addDays(today, -((query.days ?? DEFAULT_DAYS) - 1));
  const to = query.to ?? today;
  const days = daysBetween(from, to) + 1;
  return { from, to, days, previous: { from: addDays(from, -days), to: addDays(from, -1) } };
}
