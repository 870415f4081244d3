import { z } from 'zod';
import { serviceIdSchema } from '../catalog/service-id';
import { accountHintSchema } from '../usage/event-kinds';
import { accessRequestInputSchema } from './access-requests';
import { fileTypeSchema } from './usage-events';

// Messages between the extension's pages, its content script and its service worker, as the data each
// message type carries. The worker parses every incoming message's data with its schema and refuses
// anything else; the extension's protocol map (extension/src/lib/messages/protocol.ts) pairs each type
// with the type of its reply.

const pageUrl = z.string().max(8192);

/** Sent by the content script on an AI service page; the worker answers about the sender's own page. */
export const contentScriptMessages = {
  /** What applies on this page (banner or not, the org's email domains for the hint). */
  'page-status': z.object({ url: pageUrl }),
  /** The banner was shown (so it is not shown again today). */
  'banner-shown': z.object({ serviceId: serviceIdSchema }),
  /** The person hid a conditional service's conditions banner for the rest of the day. */
  'banner-dismissed': z.object({ serviceId: serviceIdSchema }),
  /** Pastes or uploads on an AI page, counts and sizes only. */
  'page-activity': z.object({
    url: pageUrl,
    kind: z.enum(['paste', 'upload']),
    count: z.number().int().min(1).max(10_000),
    bytes: z.number().int().min(0),
    fileTypes: z.array(fileTypeSchema).max(20),
  }),
  /** Whether the signed-in account is a work or personal one (never the email). */
  'account-hint': z.object({ url: pageUrl, hint: accountHintSchema }),
};

/** Sent only by the extension's own pages (popup, options, warning and block pages). */
export const extensionPageMessages = {
  /** Warning or block page: what to show for the service behind the URL it replaced. */
  'service-info': z.object({ url: pageUrl }),
  /** Warning or block page: it was shown for this host. */
  'interstitial-shown': z.object({ serviceId: serviceIdSchema, url: pageUrl, blocked: z.boolean() }),
  /** Warning page: a time-boxed exception for this service, with the employee's reason. */
  'proceed-once': z.object({
    serviceId: serviceIdSchema,
    url: pageUrl,
    justification: z.string().trim().min(5).max(2000),
  }),
  /** Warning or block page: an access request for the portal. */
  'request-access': z.object({ url: pageUrl, request: accessRequestInputSchema }),
  /** Popup: the status of a tab's site and of the extension. */
  status: z.object({ url: pageUrl.optional() }),
  /** Popup: send waiting events now, ignoring the backoff. */
  'flush-now': z.undefined(),
  /** Popup: fetch the organisation's policy now and apply it, rather than at the next alarm. */
  'sync-now': z.undefined(),
  /** Options page: enroll by hand (ignored for fields set by the managed policy). */
  enroll: z.object({
    portalUrl: z.string().max(2000),
    enrollmentToken: z.string().max(200),
    userHint: z.string().max(254).optional(),
  }),
  /** Options page: read the effective configuration. */
  'get-config': z.undefined(),
};

export const runtimeMessages = { ...contentScriptMessages, ...extensionPageMessages };

export type ContentScriptMessageType = keyof typeof contentScriptMessages;
export type ExtensionPageMessageType = keyof typeof extensionPageMessages;
export type RuntimeMessageType = keyof typeof runtimeMessages;
/** What a sender passes. */
export type RuntimeMessageInput<K extends RuntimeMessageType> = z.input<(typeof runtimeMessages)[K]>;
/** What the worker's handler receives, once parsed. */
export type RuntimeMessageData<K extends RuntimeMessageType> = z.output<(typeof runtimeMessages)[K]>;

/** Each type's schema seen through its own data types, so that a lookup by a generic type keeps them. */
type MessageSchemas = {
  [K in RuntimeMessageType]: z.ZodType<RuntimeMessageData<K>, RuntimeMessageInput<K>>;
};
const messageSchemas: MessageSchemas = runtimeMessages;

/** A message's data parsed with its type's schema; null when it does not fit. */
export function parseRuntimeMessage<K extends RuntimeMessageType>(
  type: K,
  data: unknown,
): RuntimeMessageData<K> | null {
  const schema: MessageSchemas[K] = messageSchemas[type];
  const parsed = schema.safeParse(data);
  return parsed.success ? parsed.data : null;
}
