import {
  contentScriptMessages,
  extensionPageMessages,
  parseRuntimeMessage,
  type RuntimeMessageType,
} from '@sightline/shared/extension-api/runtime-messages';
import type { PortalClient } from '../portal/portal-client';
import { handleContentMessage } from './content-messages';
import { handlePageMessage } from './page-messages';
import { onMessage } from './protocol';
import { contentScriptUrl, fromExtensionPage } from './sender';

/** The message types of one group (Object.keys is typed string[]; these objects have no other keys). */
function typesOf<T extends Partial<Record<RuntimeMessageType, unknown>>>(group: T): (keyof T & string)[] {
  return Object.keys(group) as (keyof T & string)[];
}

function parsed<K extends RuntimeMessageType>(type: K, data: unknown) {
  const message = parseRuntimeMessage(type, data);
  if (message === null) throw new Error(`Sightline: malformed ${type} message`);
  return message;
}

/**
 * Listens for every runtime message, each parsed with the shared schema of its type, then answered by
 * who sent it: content scripts may only describe their own page; only extension pages may enroll,
 * flush or grant. A refusal rejects the sender's promise.
 */
export function listenForMessages(client: PortalClient): void {
  for (const type of typesOf(contentScriptMessages)) {
    onMessage(type, ({ data, sender }) => {
      const pageUrl = contentScriptUrl(sender);
      if (!pageUrl) throw new Error(`Sightline: ${type} is for content scripts`);
      return handleContentMessage(type, parsed(type, data), pageUrl);
    });
  }
  for (const type of typesOf(extensionPageMessages)) {
    onMessage(type, ({ data, sender }) => {
      if (!fromExtensionPage(sender)) throw new Error(`Sightline: ${type} is for extension pages`);
      return handlePageMessage(type, parsed(type, data), client);
    });
  }
}
