import type {
  RuntimeMessageInput,
  RuntimeMessageType,
} from '@sightline/shared/extension-api/runtime-messages';
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { SyncOutcome } from '../policy/policy-sync';
import type { FlushOutcome } from '../queue/flush';
import type { PageStatus } from './content-messages';
import type { ServiceInfo } from './page-messages';
import type { EnrollReply, ExtensionStatus } from './status';

/** Whether the worker did what a page or content script reported. */
export type Done = { ok: boolean };

/**
 * The reply to each message type. The worker's handlers must return exactly this (content-messages.ts,
 * page-messages.ts) and senders receive it typed, so a changed reply breaks its readers at compile time.
 */
export type Replies = {
  'page-status': PageStatus;
  'banner-shown': Done;
  'banner-dismissed': Done;
  'page-activity': Done;
  'account-hint': Done;
  'service-info': ServiceInfo;
  'interstitial-shown': Done;
  'proceed-once': { ok: true; minutes: number } | { ok: false; message: string };
  'request-access': { sent: boolean; outcome: FlushOutcome['status'] };
  status: ExtensionStatus;
  'flush-now': FlushOutcome;
  'sync-now': { outcome: SyncOutcome };
  enroll: EnrollReply;
  'get-config': ExtensionStatus;
};

/** Every message type of the shared contract, with its data and its reply. */
export type ProtocolMap = {
  [K in RuntimeMessageType]: (data: RuntimeMessageInput<K>) => Replies[K];
};

// Refusals (a sender that may not send this, data that does not parse) reach the sender as a rejected
// promise, not as a reply of another shape.
export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
