import { browser } from 'wxt/browser';
import type { RedirectRule } from '../dnr/build-rules';

/**
 * Thin seams over the browser APIs the test fake does not provide (declarativeNetRequest, management,
 * scripting). Production uses the real ones; unit tests install fakes with `setBrowserApis`.
 */
export type BrowserApis = {
  dnr: {
    getDynamicRules: () => Promise<{ id: number }[]>;
    updateDynamicRules: (update: { removeRuleIds: number[]; addRules: RedirectRule[] }) => Promise<void>;
  };
  management: {
    getAll: () => Promise<{ id: string; name: string; enabled: boolean; type?: string }[]>;
  };
  scripting: {
    getRegisteredContentScripts: () => Promise<{ id: string; matches?: string[] }[]>;
    registerContentScripts: (
      scripts: {
        id: string;
        js: string[];
        matches: string[];
        runAt: 'document_idle';
        persistAcrossSessions: boolean;
        allFrames: boolean;
      }[],
    ) => Promise<void>;
    unregisterContentScripts: (filter: { ids: string[] }) => Promise<void>;
  };
};

// biome-ignore lint/suspicious/noExplicitAny: the real APIs' generated types differ per browser; the seam types them.
const api = browser as any;

const real: BrowserApis = {
  dnr: {
    getDynamicRules: () => api.declarativeNetRequest.getDynamicRules(),
    updateDynamicRules: (update) => api.declarativeNetRequest.updateDynamicRules(update),
  },
  management: { getAll: () => api.management.getAll() },
  scripting: {
    getRegisteredContentScripts: () => api.scripting.getRegisteredContentScripts(),
    registerContentScripts: (scripts) => api.scripting.registerContentScripts(scripts),
    unregisterContentScripts: (filter) => api.scripting.unregisterContentScripts(filter),
  },
};

let current: BrowserApis = real;

export function browserApis(): BrowserApis {
  return current;
}

/** For tests: replace the seams (pass nothing to restore the real APIs). */
export function setBrowserApis(apis?: BrowserApis): void {
  current = apis ?? real;
}
