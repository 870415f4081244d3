import { z } from 'zod';
import { serviceIdSchema } from '../catalog/service-id';
import { rejectedServiceStates } from '../decisions/decision-rules';
import { pageQuerySchema } from '../http/paging';
import {
  failModeSchema,
  type PolicyState,
  policyStateSchema,
  rolloutModeSchema,
} from '../policy/policy-states';
import { accessRequestStatusSchema } from '../usage/event-kinds';
import { hostNameSchema } from './candidates';
import { plainText, webUrl } from './text';

/** Admin creates an enrollment token for the managed policy; the value is shown once. */
export const createEnrollmentTokenSchema = z.strictObject({
  label: plainText(1, 120),
  /** Days until the token stops enrolling new devices; absent: no expiry. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateEnrollmentTokenInput = z.infer<typeof createEnrollmentTokenSchema>;

/** Set a service's state, conditions and approved alternative. */
export const setServicePolicySchema = z
  .strictObject({
    state: policyStateSchema,
    conditions: plainText(0, 4000).nullable().optional(),
    alternativeServiceId: serviceIdSchema.nullable().optional(),
    alternativeUrl: webUrl().nullable().optional(),
    note: plainText(0, 4000).nullable().optional(),
  })
  .refine((v) => v.state !== 'conditional' || !!v.conditions, {
    message: 'Say what the conditions are',
    path: ['conditions'],
  });
export type SetServicePolicyInput = z.infer<typeof setServicePolicySchema>;

const emailDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(hostNameSchema.refine((d) => d.includes('.'), 'Give a domain such as example.com'));

/** The org settings an admin changes on the Settings page. Every field is optional: send what changed. */
export const updateOrgSettingsSchema = z
  .strictObject({
    name: plainText(1, 200).optional(),
    mode: rolloutModeSchema.optional(),
    failMode: failModeSchema.optional(),
    emailDomains: z.array(emailDomainSchema).max(100).optional(),
    pseudonymiseUsers: z.boolean().optional(),
    rawEventRetentionDays: z.number().int().min(1).max(3650).optional(),
    proceedOnceMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .optional(),
    /** Separation of duties: whoever reviewed an assessment may not decide it. */
    separateApproverFromReviewer: z.boolean().optional(),
    /** What a rejected service becomes in the policy. */
    rejectedServiceState: z.enum(rejectedServiceStates).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Change at least one setting');
export type UpdateOrgSettingsInput = z.infer<typeof updateOrgSettingsSchema>;

/** The policy page: every catalog service by name, a page at a time; search and filter by state. */
export const policyPageQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  state: policyStateSchema.optional(),
  ...pageQuerySchema.shape,
});
export type PolicyListQuery = { q?: string | undefined; state?: PolicyState | undefined };

/** The access requests page: newest first, a page at a time, for one service or status if asked. */
export const requestPageQuerySchema = z.strictObject({
  serviceId: serviceIdSchema.optional(),
  status: accessRequestStatusSchema.optional(),
  ...pageQuerySchema.shape,
});

/** Staff move an access request along (the assessment link is set by the assessments feature). */
export const updateAccessRequestSchema = z.strictObject({
  status: accessRequestStatusSchema,
});

/** The candidates page's two lists: hosts waiting for a decision, and those decided; a page of one. */
export const candidatePageQuerySchema = z.strictObject({
  status: z.enum(['open', 'decided']).optional(),
  ...pageQuerySchema.shape,
});
export type CandidateListQuery = { status?: 'open' | 'decided' | undefined };

export const candidateDecisionSchema = z.strictObject({
  /** For accepted candidates: the catalog entry that now covers the host, if any. */
  catalogEntryId: serviceIdSchema.optional(),
});
