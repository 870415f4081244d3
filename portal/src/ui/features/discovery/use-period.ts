import { MAX_RANGE_DAYS, rangePresets } from '@sightline/shared/discovery/discovery-api';
import { useSearchParams } from 'react-router';

/** What the API takes as a period: `days`, or `from` and `to`. */
export type PeriodQuery = { days: string } | { from: string; to: string };

const isDay = (s: string | null): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);

/**
 * The dashboard's period lives in the URL (?days=30, or ?from=…&to=…) so a view can be shared. A value
 * the URL holds that the server would refuse falls back to 30 days rather than an error page.
 */
export function usePeriod() {
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const days = Number(params.get('days'));
  let query: PeriodQuery;
  if (isDay(from) && isDay(to) && from <= to) query = { from, to };
  else if (Number.isInteger(days) && days >= 1 && days <= MAX_RANGE_DAYS) query = { days: String(days) };
  else query = { days: '30' };

  const setPeriod = (next: PeriodQuery) => {
    const kept = new URLSearchParams(params);
    for (const k of ['days', 'from', 'to']) kept.delete(k);
    for (const [k, v] of Object.entries(next)) kept.set(k, v);
    setParams(kept, { replace: false });
  };
  return { query, setPeriod, search: new URLSearchParams(query).toString() };
}

export const presets = rangePresets;
