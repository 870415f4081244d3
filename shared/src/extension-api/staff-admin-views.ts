import { z } from 'zod';
import { assessmentStateSchema } from '../assessments/assessment-states';
import { catalogEntrySchema } from '../catalog/catalog-schema';
import { serviceCategorySchema } from '../catalog/categories';
import { rejectedServiceStates } from '../decisions/decision-rules';
import { timestampSchema } from '../http/json-values';
import { pageSchema } from '../http/paging';
import { failModeSchema, policyStateSchema, rolloutModeSchema } from '../policy/policy-states';
import {
  accessRequestStatusSchema,
  accountHintSchema,
  candidateStatuses,
  usageEventKindSchema,
} from '../usage/event-kinds';

// What the staff routes over devices, enrollment, policy, settings, requests, candidates and the
// catalog answer (their inputs are in staff-admin.ts).

export const deviceViewSchema = z.strictObject({
  id: z.uuid(),
  userKey: z.string().nullable(),
  userLabel: z.string().nullable(),
  browser: z.string().nullable(),
  platform: z.string().nullable(),
  extensionVersion: z.string().nullable(),
  enrolledAt: timestampSchema,
  lastSeenAt: timestampSchema.nullable(),
  lastPolicySyncAt: timestampSchema.nullable(),
  revokedAt: timestampSchema.nullable(),
  droppedEvents: z.number().int(),
});
/** A page of devices, and how many of the whole fleet are active. */
export const deviceListSchema = pageSchema(deviceViewSchema).extend({ active: z.number().int() });
export type DeviceView = z.infer<typeof deviceViewSchema>;

/** An event as stored: metadata only, never page content. */
export const storedEventSchema = z.strictObject({
  clientEventId: z.string(),
  kind: usageEventKindSchema,
  serviceId: z.string().nullable(),
  host: z.string(),
  matchedRule: z.string().nullable(),
  initiatorHost: z.string().nullable(),
  accountHint: accountHintSchema.nullable(),
  itemCount: z.number().int().nullable(),
  bytes: z.number().int().nullable(),
  fileTypes: z.array(z.string()).nullable(),
  details: z.unknown(),
  occurredAt: timestampSchema,
  receivedAt: timestampSchema,
});
export const deviceEventsSchema = z.strictObject({ events: z.array(storedEventSchema) });

export const revokedSchema = z.strictObject({ id: z.uuid(), revokedAt: timestampSchema });

export const enrollmentTokenViewSchema = z.strictObject({
  id: z.uuid(),
  label: z.string(),
  /** The first characters, to tell tokens apart; the value itself is never stored. */
  prefix: z.string(),
  createdAt: timestampSchema,
  expiresAt: timestampSchema.nullable(),
  revokedAt: timestampSchema.nullable(),
  enrolledCount: z.number().int(),
});
export const enrollmentTokenListSchema = z.strictObject({ tokens: z.array(enrollmentTokenViewSchema) });
export type EnrollmentTokenView = z.infer<typeof enrollmentTokenViewSchema>;

/** A new enrollment token: its value, shown this once. */
export const enrollmentTokenCreatedSchema = z.strictObject({
  id: z.uuid(),
  label: z.string(),
  prefix: z.string(),
  expiresAt: timestampSchema.nullable(),
  token: z.string(),
});

export const servicePolicyViewSchema = z.strictObject({
  serviceId: z.string(),
  name: z.string(),
  vendor: z.string(),
  category: z.string(),
  website: z.string(),
  custom: z.boolean(),
  state: policyStateSchema,
  conditions: z.string().nullable(),
  alternativeServiceId: z.string().nullable(),
  alternativeUrl: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: timestampSchema.nullable(),
});
export type ServicePolicyView = z.infer<typeof servicePolicyViewSchema>;
/** A page of the policy list: each row names its alternative; the counts per state are the whole catalog's. */
export const servicePolicyPageSchema = pageSchema(
  servicePolicyViewSchema.extend({ alternativeName: z.string().nullable() }),
).extend({ counts: z.record(policyStateSchema, z.number().int()) });
/** The services a policy may name as its alternative (and those already named). */
export const servicePolicyListSchema = z.strictObject({ services: z.array(servicePolicyViewSchema) });

/** One service's policy as stored after a change. */
export const servicePolicyRecordSchema = z.strictObject({
  serviceId: z.string(),
  state: policyStateSchema,
  conditions: z.string().nullable(),
  alternativeServiceId: z.string().nullable(),
  alternativeUrl: z.string().nullable(),
  note: z.string().nullable(),
  updatedBy: z.string(),
  updatedAt: timestampSchema,
});
export const bulkPolicyResultSchema = z.strictObject({
  updated: z.array(servicePolicyRecordSchema),
  policyVersion: z.number().int(),
});

export const orgSettingsSchema = z.strictObject({
  name: z.string(),
  mode: rolloutModeSchema,
  failMode: failModeSchema,
  emailDomains: z.array(z.string()),
  pseudonymiseUsers: z.boolean(),
  rawEventRetentionDays: z.number().int(),
  proceedOnceMinutes: z.number().int(),
  separateApproverFromReviewer: z.boolean(),
  rejectedServiceState: z.enum(rejectedServiceStates),
  policyVersion: z.number().int(),
  updatedAt: timestampSchema,
});
export type OrgSettings = z.infer<typeof orgSettingsSchema>;

export const accessRequestViewSchema = z.strictObject({
  id: z.uuid(),
  serviceId: z.string(),
  status: accessRequestStatusSchema,
  userKey: z.string().nullable(),
  userLabel: z.string().nullable(),
  justification: z.string(),
  intendedUse: z.string(),
  dataCategories: z.array(z.string()),
  assessmentId: z.uuid().nullable(),
  decisionId: z.uuid().nullable(),
  outcomeNote: z.string().nullable(),
  closedAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  /** The assessment under way for the service, which a new one would duplicate. */
  openAssessment: z.strictObject({ id: z.uuid(), state: assessmentStateSchema }).nullable(),
});
/** A page of requests, newest first, and every requested service with its open and total requests. */
export const accessRequestPageSchema = pageSchema(accessRequestViewSchema).extend({
  services: z.array(
    z.strictObject({
      serviceId: z.string(),
      serviceName: z.string(),
      vendor: z.string().nullable(),
      open: z.number().int(),
      total: z.number().int(),
    }),
  ),
});
export const accessRequestChangedSchema = z.strictObject({ id: z.uuid(), status: accessRequestStatusSchema });

export const candidateViewSchema = z.strictObject({
  id: z.uuid(),
  host: z.string(),
  signals: z.array(z.string()),
  reports: z.number().int(),
  deviceCount: z.number().int(),
  firstSeenAt: timestampSchema,
  lastSeenAt: timestampSchema,
  status: z.enum(candidateStatuses),
  decidedBy: z.string().nullable(),
  decidedAt: timestampSchema.nullable(),
  catalogEntryId: z.string().nullable(),
});
export const candidateListSchema = pageSchema(candidateViewSchema);
export type CandidateView = z.infer<typeof candidateViewSchema>;
export const candidateDecidedSchema = z.strictObject({
  id: z.uuid(),
  host: z.string(),
  status: z.enum(candidateStatuses),
});

/** The built-in catalog with the organisation's own entries, and which ids are their own. */
export const catalogListSchema = z.strictObject({
  entries: z.array(catalogEntrySchema),
  customIds: z.array(z.string()),
});
export const customEntrySavedSchema = z.strictObject({ entry: catalogEntrySchema });

const matchKindSchema = z.enum(['site', 'path', 'api']);
const noMatchReasonSchema = z.enum(['not-http', 'unparsable', 'ip-or-localhost', 'no-rule']);
/** How the classifier reads one URL: the service it matched, or why nothing matched. */
export const classificationSchema = z.strictObject({
  result: z.union([
    z.strictObject({
      serviceId: z.string(),
      serviceName: z.string(),
      vendor: z.string(),
      category: serviceCategorySchema,
      matchedRule: z.string(),
      matchKind: matchKindSchema,
    }),
    z.strictObject({
      serviceId: z.null(),
      serviceName: z.null(),
      vendor: z.null(),
      category: z.null(),
      matchedRule: z.null(),
      matchKind: z.null(),
      reason: noMatchReasonSchema,
    }),
  ]),
});
