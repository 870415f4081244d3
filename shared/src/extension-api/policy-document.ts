import { z } from 'zod';
import { decisionOutcomeSchema } from '../assessments/assessment-states';
import { catalogEntrySchema } from '../catalog/catalog-schema';
import { serviceIdSchema } from '../catalog/service-id';
import { failModeSchema, policyStateSchema, rolloutModeSchema } from '../policy/policy-states';
import { accessRequestStatusSchema } from '../usage/event-kinds';

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
 * Where an access request made from this browser stands, so the warning page and the popup can tell
 * the employee the outcome (approved with its conditions, or rejected with the reason and what to
 * use instead) without another request to the portal.
 */
export const requestOutcomeSchema = z.object({
  requestId: z.uuid(),
  serviceId: serviceIdSchema,
  status: accessRequestStatusSchema,
  requestedAt: z.string(),
  /** When a decision closed the request; null while it is open or in assessment. */
  decidedAt: z.string().nullable(),
  outcome: decisionOutcomeSchema.nullable(),
  conditions: z.string().max(4000).nullable(),
  /** The approver's reason, as the requester is told it. */
  note: z.string().max(4000).nullable(),
});
export type RequestOutcome = z.infer<typeof requestOutcomeSchema>;

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
  /** This browser's own access requests, newest first (the same document differs per device only here). */
  requests: z.array(requestOutcomeSchema).default([]),
  /** Increases with every settings or policy change; informative (the ETag is what clients compare). */
  version: z.number().int(),
});
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;
