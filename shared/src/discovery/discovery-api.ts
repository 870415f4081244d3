import { z } from 'zod';
import { calendarDateSchema } from '../assessments/dates';
import { serviceIdSchema } from '../catalog/service-id';
import { setServicePolicySchema } from '../extension-api/staff-admin';

/** The longest period a dashboard view may cover, in days. */
export const MAX_RANGE_DAYS = 400;
export const rangePresets = [7, 30, 90] as const;

/**
 * A dashboard period: `days` ending today (UTC), or an explicit `from`–`to` (both inclusive,
 * YYYY-MM-DD). Query strings carry strings, so `days` is coerced.
 */
const rangeFields = {
  days: z.coerce.number().int().min(1).max(MAX_RANGE_DAYS).optional(),
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
};

type RangeFields = { days?: number | undefined; from?: string | undefined; to?: string | undefined };

/** The checks every period shares: one way of giving it, from ≤ to, at most MAX_RANGE_DAYS. */
function checkRange<T extends z.ZodType<RangeFields>>(schema: T) {
  return schema
    .refine((q) => !(q.days !== undefined && (q.from || q.to)), {
      message: 'Give either days or from and to, not both',
      path: ['days'],
    })
    .refine((q) => !q.from === !q.to, { message: 'Give both from and to', path: ['to'] })
    .refine((q) => !q.from || !q.to || q.from <= q.to, {
      message: 'from must be on or before to',
      path: ['from'],
    })
    .refine((q) => !q.from || !q.to || daysBetween(q.from, q.to) + 1 <= MAX_RANGE_DAYS, {
      message: `A period covers at most ${MAX_RANGE_DAYS} days`,
      path: ['to'],
    });
}

export const rangeQuerySchema = checkRange(z.strictObject(rangeFields));
export type RangeQuery = z.infer<typeof rangeQuerySchema>;

/** Whole days from `a` to `b` (YYYY-MM-DD, UTC). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The day `n` days after `day` (negative goes back). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export const serviceSortKeys = [
  'assess-first',
  'people',
  'browsers',
  'visits',
  'pastes',
  'uploads',
  'personal',
  'name',
  'first-seen',
] as const;
export type ServiceSortKey = (typeof serviceSortKeys)[number];

/** The dashboard's service table: a period, a sort and a page. */
export const serviceTableQuerySchema = checkRange(
  z.strictObject({
    ...rangeFields,
    sort: z.enum(serviceSortKeys).default('assess-first'),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  }),
);
export type ServiceTableQuery = z.infer<typeof serviceTableQuerySchema>;

/** The service table as a download: the same period and order, every row. */
export const serviceTableExportQuerySchema = checkRange(
  z.strictObject({ ...rangeFields, sort: z.enum(serviceSortKeys).default('assess-first') }),
);

/** One policy for many services at once; the same fields as setting a single service's policy. */
export const bulkServicePolicySchema = z
  .strictObject({
    serviceIds: z.array(serviceIdSchema).min(1).max(500),
    policy: setServicePolicySchema,
  })
  .refine((v) => new Set(v.serviceIds).size === v.serviceIds.length, {
    message: 'A service is listed twice',
    path: ['serviceIds'],
  });
export type BulkServicePolicyInput = z.infer<typeof bulkServicePolicySchema>;
