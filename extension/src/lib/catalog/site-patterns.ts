import type { CatalogEntry } from '@sightline/shared/catalog/catalog-schema';

/** The web-page rules of an entry, in the forms declarativeNetRequest and content scripts need. */
export type SiteTarget =
  | { kind: 'domain'; domain: string }
  | { kind: 'host'; host: string }
  | { kind: 'path'; host: string; pathPrefix: string };

export function siteTargets(entry: CatalogEntry): SiteTarget[] {
  const out: SiteTarget[] = [];
  for (const rule of entry.rules) {
    if (rule.kind === 'domain') out.push({ kind: 'domain', domain: rule.value });
    else if (rule.kind === 'host') out.push({ kind: 'host', host: rule.value });
    else if (rule.kind === 'path') out.push({ kind: 'path', host: rule.host, pathPrefix: rule.pathPrefix });
  }
  return out;
}

/** API hosts of an entry (exact hosts and suffixes), for observing sub-resource requests. */
export function apiTargets(entry: CatalogEntry): { host: string; suffix: boolean }[] {
  const out: { host: string; suffix: boolean }[] = [];
  for (const rule of entry.rules) {
    if (rule.kind === 'api') out.push({ host: rule.value, suffix: false });
    else if (rule.kind === 'api-suffix') out.push({ host: rule.value, suffix: true });
  }
  return out;
}

/**
 * Match patterns for the content script: only the catalog's service sites. Chrome match patterns
 * without a port match every port.
 */
export function contentScriptMatches(entries: readonly CatalogEntry[]): string[] {
  const patterns = new Set<string>();
  for (const entry of entries) {
    for (const t of siteTargets(entry)) {
      if (t.kind === 'domain') {
        patterns.add(`*://${t.domain}/*`);
        patterns.add(`*://*.${t.domain}/*`);
      } else if (t.kind === 'host') {
        patterns.add(`*://${t.host}/*`);
      } else {
        const prefix = t.pathPrefix.replace(/\*/g, '');
        patterns.add(`*://${t.host}${prefix}`);
        patterns.add(`*://${t.host}${prefix}/*`);
        patterns.add(`*://${t.host}${prefix}?*`);
      }
    }
  }
  return [...patterns].sort();
}

/** URL patterns for webRequest: every API host of the catalog. */
export function apiRequestPatterns(entries: readonly CatalogEntry[]): string[] {
  const patterns = new Set<string>();
  for (const entry of entries) {
    for (const t of apiTargets(entry)) {
      patterns.add(`*://${t.host}/*`);
      if (t.suffix) patterns.add(`*://*.${t.host}/*`);
    }
  }
  return [...patterns].sort();
}

/** Browser-extension id to catalog entry. */
export function extensionIndex(entries: readonly CatalogEntry[]): Map<string, CatalogEntry> {
  const map = new Map<string, CatalogEntry>();
  for (const entry of entries) for (const id of entry.extensionIds ?? []) map.set(id, entry);
  return map;
}

/** A webNavigation URL filter (the subset used here). */
export type NavigationFilter = {
  hostEquals?: string;
  hostSuffix?: string;
  hostContains?: string;
  hostPrefix?: string;
};

/**
 * Tokens the shared AI-host heuristic looks for; a navigation whose host contains none of them and is
 * not a catalog site cannot produce an event or a candidate, so the browser need not wake the worker.
 */
const AI_HOST_HINTS = [
  'gpt',
  'llm',
  'chat',
  'genai',
  'agent',
  'copilot',
  'prompt',
  'neural',
  'diffusion',
  'assistant',
];

/**
 * Filters for webNavigation listeners: the catalog's sites (whole hosts, also for path rules, so a route
 * change away from the AI path is seen) and hosts that may look like AI services.
 */
export function navigationFilters(
  entries: readonly CatalogEntry[],
  includeHeuristics = true,
): NavigationFilter[] {
  const filters = new Map<string, NavigationFilter>();
  const add = (f: NavigationFilter) => filters.set(JSON.stringify(f), f);
  for (const entry of entries) {
    for (const t of siteTargets(entry)) {
      if (t.kind === 'domain') {
        add({ hostEquals: t.domain });
        add({ hostSuffix: `.${t.domain}` });
      } else {
        add({ hostEquals: t.host });
      }
    }
  }
  if (includeHeuristics) {
    add({ hostSuffix: '.ai' });
    add({ hostPrefix: 'ai.' });
    add({ hostContains: '.ai.' });
    add({ hostContains: '-ai' });
    add({ hostContains: 'ai-' });
    for (const hint of AI_HOST_HINTS) add({ hostContains: hint });
  }
  return [...filters.values()];
}
