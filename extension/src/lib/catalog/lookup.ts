import type { CatalogEntry, MatchRule } from '@sightline/shared/catalog/catalog-schema';
import { ruleKey } from '@sightline/shared/catalog/rule-key';
import type { Classification, ServiceMatch } from './classification';

export type Lookup = {
  classifyUrl: (url: string) => Classification;
  classifyRequestHost: (host: string) => ServiceMatch | null;
  looksLikeAi: (host: string) => boolean;
};

type Hit = { entry: CatalogEntry; rule: MatchRule };

function match(hit: Hit, matchKind: ServiceMatch['matchKind']): ServiceMatch {
  return {
    serviceId: hit.entry.id,
    serviceName: hit.entry.name,
    vendor: hit.entry.vendor,
    category: hit.entry.category,
    matchedRule: ruleKey(hit.rule),
    matchKind,
  };
}

/** Hash lookups over the catalog's rules: a host costs one map probe per label, whatever the catalog size. */
export function compileLookup(entries: readonly CatalogEntry[]): Lookup {
  const hosts = new Map<string, Hit>();
  const domains = new Map<string, Hit>();
  const paths = new Map<string, { prefix: string; hit: Hit }[]>();
  const apis = new Map<string, Hit>();
  const apiSuffixes = new Map<string, Hit>();
  for (const entry of entries) {
    for (const rule of entry.rules) {
      const hit = { entry, rule };
      if (rule.kind === 'host') hosts.set(rule.value, hit);
      else if (rule.kind === 'domain') domains.set(rule.value, hit);
      else if (rule.kind === 'api') apis.set(rule.value, hit);
      else if (rule.kind === 'api-suffix') apiSuffixes.set(rule.value, hit);
      else {
        const list = paths.get(rule.host) ?? [];
        list.push({ prefix: rule.pathPrefix, hit });
        list.sort((a, b) => b.prefix.length - a.prefix.length);
        paths.set(rule.host, list);
      }
    }
  }

  function bySuffix(map: Map<string, Hit>, host: string): Hit | undefined {
    for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
      const hit = map.get(h);
      if (hit) return hit;
    }
    return undefined;
  }

  function siteHit(host: string, pathname: string): ServiceMatch | null {
    for (const { prefix, hit } of paths.get(host) ?? []) {
      const rest = pathname.slice(prefix.length);
      if (pathname.startsWith(prefix) && (rest === '' || rest.startsWith('/') || prefix.endsWith('/')))
        return match(hit, 'path');
    }
    const exact = hosts.get(host);
    if (exact) return match(exact, 'site');
    const domain = bySuffix(domains, host);
    return domain ? match(domain, 'site') : null;
  }

  function apiHit(host: string): ServiceMatch | null {
    const exact = apis.get(host) ?? bySuffix(apiSuffixes, host);
    return exact ? match(exact, 'api') : null;
  }

  return {
    classifyUrl(raw) {
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        return { serviceId: null, reason: 'invalid-url' };
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return { serviceId: null, reason: 'not-web' };
      const host = url.hostname.replace(/\.$/, '');
      return siteHit(host, url.pathname) ?? apiHit(host) ?? { serviceId: null, reason: 'not-in-catalog' };
    },
    classifyRequestHost(host) {
      const h = host.replace(/\.$/, '').toLowerCase();
      return apiHit(h);
    },
    looksLikeAi(host) {
      const h = host.replace(/\.$/, '').toLowerCase();
      if (h.endsWith('.ai')) return true;
      return h
        .split('.')
        .some((label) => /^(gpt|llm|chatbot|genai|aichat|chatai)(-|$)|-(gpt|llm|ai)$/.test(label));
    },
  };
}
