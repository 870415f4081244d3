import { browser } from 'wxt/browser';

export type Sender = {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined; url?: string | undefined } | undefined;
};

/** A message from one of our own pages (popup, options, warning/block page), not a content script. */
export function fromExtensionPage(sender: Sender): boolean {
  return (
    sender.id === browser.runtime.id &&
    !!sender.url?.startsWith(browser.runtime.getURL('/')) &&
    !sender.tab?.url?.startsWith('http')
  );
}

/** The web page a content-script message comes from (the frame's own URL, not what the message claims). */
export function contentScriptUrl(sender: Sender): string | null {
  if (sender.id !== browser.runtime.id) return null;
  const url = sender.url ?? sender.tab?.url;
  return url && /^https?:/.test(url) ? url : null;
}
