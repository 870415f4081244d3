import { runtimeMessageSchema } from '@sightline/shared/extension-api/runtime-messages';
import type { PortalClient } from '../portal/portal-client';
import { handleContentMessage } from './content-messages';
import { handlePageMessage } from './page-messages';
import { contentScriptUrl, fromExtensionPage, type Sender } from './sender';

const CONTENT_TYPES = new Set([
  'page-status',
  'banner-shown',
  'banner-dismissed',
  'page-activity',
  'account-hint',
]);

/**
 * The one entry for runtime messages: parsed with the shared schema, then routed by who sent it.
 * Content scripts may only describe their own page; only extension pages may enroll, flush or grant.
 */
export async function handleMessage(raw: unknown, sender: Sender, client: PortalClient): Promise<unknown> {
  const parsed = runtimeMessageSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'unknown message' };
  const message = parsed.data;
  if (CONTENT_TYPES.has(message.type)) {
    const pageUrl = contentScriptUrl(sender);
    return pageUrl ? handleContentMessage(message, pageUrl) : { ok: false };
  }
  if (!fromExtensionPage(sender)) return { ok: false, error: 'not allowed' };
  return handlePageMessage(message, client);
}
