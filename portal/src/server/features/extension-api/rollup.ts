import { sql } from 'drizzle-orm';

/** The rollup tables' counter columns (usage_daily, usage_rollup_delta, usage_counts). */
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

/**
 * The counters of a group of stored usage events, named as `rollupCounterColumns`: what each event
 * adds to its day and service. A paste or an upload counts its items (1 when the extension sent no
 * count) and their bytes; a sign-in on a personal account also counts as a personal-account event.
 */
export const dailyCounterExpressions = sql.raw(`
    count(*) filter (where kind = 'visit')::int as visits,
    count(*) filter (where kind = 'login')::int as logins,
    coalesce(sum(coalesce(item_count, 1)) filter (where kind = 'paste'), 0)::int as pastes,
    coalesce(sum(coalesce(bytes, 0)) filter (where kind = 'paste'), 0)::bigint as paste_bytes,
    coalesce(sum(coalesce(item_count, 1)) filter (where kind = 'upload'), 0)::int as uploads,
    coalesce(sum(coalesce(bytes, 0)) filter (where kind = 'upload'), 0)::bigint as upload_bytes,
    count(*) filter (where kind = 'api_call')::int as api_calls,
    count(*) filter (where kind = 'warning_shown')::int as warnings,
    count(*) filter (where kind = 'blocked')::int as blocks,
    count(*) filter (where kind = 'proceeded')::int as proceeds,
    count(*) filter (where account_hint = 'personal')::int as personal_account_events`);
