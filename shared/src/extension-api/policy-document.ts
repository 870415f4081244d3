import { z } from 'zod';
import { catalogEntrySchema } from '../catalog/catalog-schema';
import { failModeSchema, policyStateSchema, rolloutModeSchema } from '../policy/policy-states';
import { serviceIdSchema } from './access-requests';

/** The approved service to use instead: a catalog id, a URL, or both. */
export const alternativeSchema = z.object({
  serviceId: serviceIdSchema.nullable(),
  name: z.string().max(200).nullable(),
  url: z.url().nullable(),
});
export type Alternative = z.infer<typeof alternativeSchema>;

export const servicePolicyEntrySchema = z.object({
  serviceId: serviceIdSchema,
  state: policyStateSchema,
  conditions: z.string().max(4000).nullable(),
  alternative: alternativeSchema.nullable(),
});
export type ServicePolicyEntry = z.infer<typeof servicePolicyEntrySchema>;

/**
 * What `GET /api/ext/policy` returns. Services not listed are `unreviewed`. Served with an ETag so
 * an unchanged policy costs a 304.
 */
export const policyDocumentSchema = z.object({
  orgName: z.string(),
  mode: rolloutModeSchema,
  failMode: failModeSchema,
  proceedOnceMinutes: z.number().int().min(1),
  emailDomains: z.array(z.string()),
  services: z.array(servicePolicyEntrySchema),
  customEntries: z.array(catalogEntrySchema),
  /** Increases with every settings or policy change; informative (the ETag is what clients compare). */
  version: z.number().int(),
});
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;
