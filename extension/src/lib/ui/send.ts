import type { RuntimeMessage } from '@sightline/shared/extension-api/runtime-messages';
import { browser } from 'wxt/browser';

/** Sends a typed message to the worker from one of our pages. */
export function send<T>(message: RuntimeMessage): Promise<T> {
  return browser.runtime.sendMessage(message) as Promise<T>;
}
