import { z } from 'zod';
import { timestampSchema } from '../http/json-values';

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

export const auditListSchema = z.strictObject({ entries: z.array(auditEntrySchema) });

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
