import { z } from 'zod';
import { timestampSchema } from '../http/json-values';
import { pageQuerySchema, pageSchema } from '../http/paging';

/** One entry of the hash-chained audit trail as the API lists it. */
export const auditEntrySchema = z.strictObject({
  seq: z.number().int(),
  at: timestampSchema,
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** A page of the trail, newest first. */
export const auditListSchema = pageSchema(auditEntrySchema);

/** The audit page: entries newest first, a page at a time, for one action or target if asked. */
export const auditPageQuerySchema = z.strictObject({
  action: z.string().max(100).optional(),
  targetType: z.string().max(50).optional(),
  targetId: z.string().max(100).optional(),
  ...pageQuerySchema.shape,
});
export type AuditListQuery = {
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
};

/** The chain walked from the first entry: intact up to the last, or where it first breaks and why. */
export const auditVerificationSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), checked: z.number().int(), lastHash: z.string() }),
  z.strictObject({
    ok: z.literal(false),
    checked: z.number().int(),
    firstBrokenSeq: z.number().int(),
    reason: z.string(),
  }),
]);
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
