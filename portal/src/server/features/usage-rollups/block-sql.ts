import { ANY_SERVICE, ROLLUP_SPANS } from '@sightline/db/schema/usage';
import { sql } from 'drizzle-orm';

/** Each rollup span as a row `s(span)`, to fan a day out to its blocks. */
export const spansTable = sql.raw(`(values ${ROLLUP_SPANS.map((s) => `(${s})`).join(', ')}) s(span)`);

/** The start of the `s.span`-day block holding the date expression `day`. */
export const blockStartOf = (day: ReturnType<typeof sql.raw>) =>
  sql`date '1970-01-01' + ((${day} - date '1970-01-01') / s.span) * s.span`;

/** A row's service and `*` (presence counts each person for the service and for any service). */
export const serviceAndAny = (serviceColumn: ReturnType<typeof sql.raw>) =>
  sql`cross join lateral (values (${serviceColumn}), (${ANY_SERVICE}::text)) sv(id)`;
