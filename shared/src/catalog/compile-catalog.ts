import type { CatalogEntry, MatchRule } from './catalog-schema';
import type { MatchKind, ServiceMatch } from './classification';
import { filterBitsFor, hashHost, mixHash } from './host-hash';
import { ruleKey } from './rule-key';

export type CompiledPathRule = Readonly<{ prefix: string; result: ServiceMatch }>;

/**
 * Everything the catalog says about one host, so a URL costs one hash probe per label. Every node
 * has all five fields (undefined when unused) to keep property reads monomorphic in the hot path.
 */
export type HostNode = Readonly<{
  /** `host` or `domain` rule on this host: matches the host itself. */
  site: ServiceMatch | undefined;
  /** `domain` rule on this host: matches any subdomain. */
  siteSuffix: ServiceMatch | undefined;
  /** `api` rule: this exact host is an API host. */
  api: ServiceMatch | undefined;
  /** `api-suffix` rule: any subdomain is an API host. */
  apiSuffix: ServiceMatch | undefined;
  /** Path rules on this exact host, longest prefix first. */
  paths: readonly CompiledPathRule[] | undefined;
}>;

/** The catalog as hash lookups per host, built once; values are prebuilt frozen results. */
export type CompiledCatalog = Readonly<{
  /** Effective entries by id (built-ins with org entries applied). */
  services: ReadonlyMap<string, CatalogEntry>;
  hosts: ReadonlyMap<string, HostNode>;
  /**
   * One bit per hashed host key (`host-hash.ts`): a clear bit proves a host has no rules, so most
   * lookups for ordinary sites end in one read of a fixed-size array instead of a hash-map probe.
   */
  hostFilter: Uint32Array;
  hostFilterMask: number;
  /**
   * The same nodes in an open-addressing table keyed by that hash: pairs of (hash, index + 1) in
   * `hostSlots`, so a URL's host and parents are found without slicing strings or rehashing them.
   */
  hostSlots: Int32Array;
  hostSlotMask: number;
  hostKeys: readonly string[];
  hostNodes: readonly HostNode[];
  /** Chrome Web Store extension id → entry. */
  extensions: ReadonlyMap<string, CatalogEntry>;
  ruleCount: number;
}>;

const matchKindOf: Record<MatchRule['kind'], MatchKind> = {
  domain: 'site',
  host: 'site',
  path: 'path',
  api: 'api',
  'api-suffix': 'api',
};

// When two rules claim the same key, an org's own entry beats a built-in, then an exact host beats
// a domain. Built-ins never collide (catalog.test.ts), so this only settles org overrides.
const kindRank: Record<MatchRule['kind'], number> = { domain: 1, host: 2, path: 2, api: 2, 'api-suffix': 1 };
const customRank = 10;

function normaliseHost(value: string): string {
  const lower = value.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

class RankedMap {
  readonly results = new Map<string, ServiceMatch>();
  private readonly ranks = new Map<string, number>();

  put(key: string, result: ServiceMatch, rank: number): void {
    const current = this.ranks.get(key);
    if (current !== undefined && current > rank) return;
    this.results.set(key, result);
    this.ranks.set(key, rank);
  }
}

/**
 * Builds the lookups from the built-in catalog plus an org's custom entries; a custom entry with the
 * id of a built-in replaces it. Entries are expected to have passed `catalogEntrySchema`.
 */
export function compileCatalog(
  entries: readonly CatalogEntry[],
  customEntries: readonly CatalogEntry[] = [],
): CompiledCatalog {
  const services = new Map<string, CatalogEntry>();
  const customIds = new Set<string>();
  for (const entry of entries) services.set(entry.id, entry);
  for (const entry of customEntries) {
    services.set(entry.id, entry);
    customIds.add(entry.id);
  }

  const siteExact = new RankedMap();
  const siteSuffix = new RankedMap();
  const apiExact = new RankedMap();
  const apiSuffix = new RankedMap();
  const paths = new Map<string, (CompiledPathRule & { rank: number })[]>();
  const extensions = new Map<string, CatalogEntry>();
  let ruleCount = 0;

  for (const entry of services.values()) {
    const bonus = customIds.has(entry.id) ? customRank : 0;
    for (const id of entry.extensionIds ?? []) extensions.set(id, entry);
    for (const rule of entry.rules) {
      ruleCount += 1;
      const result: ServiceMatch = Object.freeze({
        serviceId: entry.id,
        serviceName: entry.name,
        vendor: entry.vendor,
        category: entry.category,
        matchedRule: ruleKey(rule),
        matchKind: matchKindOf[rule.kind],
      });
      const rank = bonus + kindRank[rule.kind];
      switch (rule.kind) {
        case 'domain': {
          const key = normaliseHost(rule.value);
          siteExact.put(key, result, rank);
          siteSuffix.put(key, result, rank);
          break;
        }
        case 'host':
          siteExact.put(normaliseHost(rule.value), result, rank);
          break;
        case 'api':
          apiExact.put(normaliseHost(rule.value), result, rank);
          break;
        case 'api-suffix':
          apiSuffix.put(normaliseHost(rule.value), result, rank);
          break;
        case 'path': {
          const key = normaliseHost(rule.host);
          const list = paths.get(key) ?? [];
          list.push({ prefix: rule.pathPrefix, result, rank });
          paths.set(key, list);
          break;
        }
      }
    }
  }

  const hosts = new Map<string, HostNode>();
  const keys = new Set([
    ...siteExact.results.keys(),
    ...siteSuffix.results.keys(),
    ...apiExact.results.keys(),
    ...apiSuffix.results.keys(),
    ...paths.keys(),
  ]);
  for (const key of keys) {
    const list = paths.get(key);
    list?.sort((a, b) => b.prefix.length - a.prefix.length || b.rank - a.rank);
    hosts.set(key, {
      site: siteExact.results.get(key),
      siteSuffix: siteSuffix.results.get(key),
      api: apiExact.results.get(key),
      apiSuffix: apiSuffix.results.get(key),
      paths: list?.map(({ prefix, result }) => ({ prefix, result })),
    });
  }

  const bits = filterBitsFor(hosts.size);
  const hostFilter = new Uint32Array(2 ** (bits - 5));
  const hostFilterMask = 2 ** bits - 1;
  for (const key of hosts.keys()) {
    const bit = mixHash(hashHost(key)) & hostFilterMask;
    hostFilter[bit >>> 5]! |= 1 << (bit & 31);
  }

  // Load factor at most 1/2: a missing key usually ends on the first empty slot.
  let slotCount = 16;
  while (slotCount < hosts.size * 2) slotCount *= 2;
  const hostSlots = new Int32Array(slotCount * 2);
  const hostSlotMask = slotCount - 1;
  const hostKeys = [...hosts.keys()];
  const hostNodes = [...hosts.values()];
  hostKeys.forEach((key, index) => {
    const hash = hashHost(key);
    let slot = mixHash(hash) & hostSlotMask;
    while (hostSlots[slot * 2 + 1] !== 0) slot = (slot + 1) & hostSlotMask;
    hostSlots[slot * 2] = hash;
    hostSlots[slot * 2 + 1] = index + 1;
  });

  return {
    services,
    hosts,
    hostFilter,
    hostFilterMask,
    hostSlots,
    hostSlotMask,
    hostKeys,
    hostNodes,
    extensions,
    ruleCount,
  };
}
