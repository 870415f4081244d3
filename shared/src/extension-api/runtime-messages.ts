import { z } from 'zod';
import { serviceIdSchema } from '../catalog/service-id';
import { accountHintSchema } from '../usage/event-kinds';
import { accessRequestInputSchema } from './access-requests';
import { fileTypeSchema } from './usage-events';

/**
 * Messages between the extension's pages, its content script and its service worker. The worker
 * parses every incoming message with this schema and ignores anything else.
 */
export const runtimeMessageSchema = z.discriminatedUnion('type', [
  /** Content script: what applies on this page (banner or not, the org's email domains for the hint). */
  z.object({ type: z.literal('page-status'), url: z.string().max(8192) }),
  /** Content script: the banner was shown (so it is not shown again today). */
  z.object({ type: z.literal('banner-shown'), serviceId: serviceIdSchema }),
  /** Content script: the person hid a conditional service's conditions banner for the rest of the day. */
  z.object({ type: z.literal('banner-dismissed'), serviceId: serviceIdSchema }),
  /** Content script: pastes or uploads on an AI page, counts and sizes only. */
  z.object({
    type: z.literal('page-activity'),
    url: z.string().max(8192),
    kind: z.enum(['paste', 'upload']),
    count: z.number().int().min(1).max(10_000),
    bytes: z.number().int().min(0),
    fileTypes: z.array(fileTypeSchema).max(20),
  }),
  /** Content script: whether the signed-in account is a work or personal one (never the email). */
  z.object({ type: z.literal('account-hint'), url: z.string().max(8192), hint: accountHintSchema }),
  /** Warning or block page: what to show for the service behind the URL it replaced. */
  z.object({ type: z.literal('service-info'), url: z.string().max(8192) }),
  /** Warning or block page: it was shown for this host. */
  z.object({
    type: z.literal('interstitial-shown'),
    serviceId: serviceIdSchema,
    url: z.string().max(8192),
    blocked: z.boolean(),
  }),
  /** Warning page: a time-boxed exception for this service, with the employee's reason. */
  z.object({
    type: z.literal('proceed-once'),
    serviceId: serviceIdSchema,
    url: z.string().max(8192),
    justification: z.string().trim().min(5).max(2000),
  }),
  /** Warning or block page: an access request for the portal. */
  z.object({
    type: z.literal('request-access'),
    url: z.string().max(8192),
    request: accessRequestInputSchema,
  }),
  /** Popup: the status of a tab's site and of the extension. */
  z.object({ type: z.literal('status'), url: z.string().max(8192).optional() }),
  /** Popup or a test: send waiting events now, ignoring the backoff. */
  z.object({ type: z.literal('flush-now') }),
  /** Options page: enroll by hand (ignored for fields set by the managed policy). */
  z.object({
    type: z.literal('enroll'),
    portalUrl: z.string().max(2000),
    enrollmentToken: z.string().max(200),
    userHint: z.string().max(254).optional(),
  }),
  /** Options page: read the effective configuration. */
  z.object({ type: z.literal('get-config') }),
]);
export type RuntimeMessage = z.infer<typeof runtimeMessageSchema>;
