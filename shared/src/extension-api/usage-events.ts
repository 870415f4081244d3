import { z } from 'zod';
import { serviceIdSchema } from '../catalog/service-id';
import { policyStateSchema, rolloutModeSchema } from '../policy/policy-states';
import { accountHintSchema, usageEventKindSchema } from '../usage/event-kinds';
import { hostNameSchema } from './candidates';
import { plainText } from './text';

export const MAX_EVENTS_PER_BATCH = 500;
export const MAX_EVENT_BATCH_BYTES = 512 * 1024;
/**
 * How far ahead of the portal's clock an event may be dated (device clocks drift). A later event would
 * stay in the future for good: out of reach of raw-event retention, counted for days still to come.
 */
export const MAX_EVENT_CLOCK_SKEW_MS = 10 * 60_000;

/** A MIME type or a bare file extension: the only thing recorded about an uploaded file besides its size. */
export const fileTypeSchema = z
  .string()
  .max(100)
  .regex(/^([a-z0-9][a-z0-9.+-]*\/[a-z0-9][a-z0-9.+-]*|\.[a-z0-9]{1,16}|unknown)$/, 'Not a file type');

/** What the extension decided on the page, kept small and typed so no free text can ride along. */
export const usageEventDetailsSchema = z.strictObject({
  policyState: policyStateSchema.optional(),
  mode: rolloutModeSchema.optional(),
  /** The browser-extension id for extension_installed events. */
  extensionId: z
    .string()
    .regex(/^[a-p]{32}$|^[a-zA-Z0-9@._{}-]{1,80}$/)
    .optional(),
});

/**
 * One metadata-only usage event. Strict: an unknown field fails the whole batch, so nothing the
 * schema does not name (page text, typed content, full URLs) can be stored.
 */
/**
 * 1900-01-01T00:00:00Z, as for calendar dates. PostgreSQL has no year 0, and its drivers read a
 * timestamp before year 100 back as an invalid date (the API fuzz test stored one in year 24 and the
 * batch answered 500); a browser clock reset to 1970 is still accepted.
 */
const EARLIEST_STORABLE_INSTANT = Date.parse('1900-01-01T00:00:00Z');

export const usageEventSchema = z.strictObject({
  /** Client-generated (crypto.randomUUID); the portal stores each (device, id) once. */
  id: z.uuid(),
  kind: usageEventKindSchema,
  serviceId: serviceIdSchema.nullable(),
  /** Host of the page, or of the API for api_call, or the extension id for extension_installed. */
  host: hostNameSchema,
  /** Which catalog rule matched, e.g. "site:chatgpt.com" or "api:api.openai.com". */
  matchedRule: plainText(1, 300).optional(),
  /** For api_call: the host of the page that made the request. */
  initiatorHost: hostNameSchema.optional(),
  accountHint: accountHintSchema.optional(),
  /** Pastes or files in this event. */
  count: z.number().int().min(0).max(100_000).optional(),
  /** Total size in bytes of what was pasted or uploaded. */
  bytes: z
    .number()
    .int()
    .min(0)
    .max(2 ** 40)
    .optional(),
  fileTypes: z.array(fileTypeSchema).max(20).optional(),
  details: usageEventDetailsSchema.optional(),
  /**
   * At most MAX_EVENT_CLOCK_SKEW_MS after the portal's clock, or the portal refuses the batch. Old events
   * count whatever their age, as long as the database can store the instant (it has no year 0).
   */
  occurredAt: z.iso
    .datetime({ offset: true })
    .refine((s) => Date.parse(s) >= EARLIEST_STORABLE_INSTANT, 'a date in 1900 or later (UTC)'),
});
export type UsageEvent = z.infer<typeof usageEventSchema>;

export const eventBatchSchema = z.strictObject({
  events: z.array(usageEventSchema).max(MAX_EVENTS_PER_BATCH),
  /** Events the device had to drop (queue full or rejected) since its last accepted batch. */
  dropped: z.number().int().min(0).max(1_000_000_000).default(0),
  extensionVersion: plainText(1, 32).optional(),
});
export type EventBatch = z.input<typeof eventBatchSchema>;

export const eventBatchResultSchema = z.object({
  /** Events stored by this call. */
  stored: z.number().int(),
  /** Events not stored again: their id was stored by an earlier call (a retry) or came before in this batch. */
  duplicates: z.number().int(),
});
export type EventBatchResult = z.infer<typeof eventBatchResultSchema>;
