import { type Classification, noMatches, type ServiceMatch } from './classification';
import type { CompiledCatalog, CompiledPathRule, HostNode } from './compile-catalog';
import { hashPrime, hashSeed, mixHash } from './host-hash';

/** Chrome refuses to navigate to longer URLs; anything bigger is not a URL we need to read. */
export const maxUrlLength = 2 * 1024 * 1024;

const slash = 47;
const dot = 46;

/**
 * Classifies a URL against the compiled catalog: parse (WHATWG), keep http(s), then look up the
 * host, its parent domains and, only for hosts that have them, path rules. Never throws.
 *
 * The URL parser already lower-cases the host, converts IDN to punycode and drops port and
 * userinfo, so lookups compare plain strings and a look-alike host can only match its own rules.
 */
export function classifyUrl(compiled: CompiledCatalog, input: string): Classification {
  if (typeof input !== 'string' || input.length === 0 || input.length > maxUrlLength) {
    return noMatches.unparsable;
  }
  const url = URL.parse(input);
  if (url === null) return noMatches.unparsable;
  const protocol = url.protocol;
  if (protocol !== 'https:' && protocol !== 'http:') return noMatches['not-http'];

  const host = withoutTrailingDot(url.hostname);
  if (isIpOrLocalhost(host)) return noMatches['ip-or-localhost'];

  const node = nodeAt(compiled, host, 0, scanHost(host));
  if (node !== undefined) {
    if (node.paths !== undefined) {
      const hit = matchPath(node.paths, url.pathname);
      if (hit !== undefined) return hit;
    }
    const exact = node.site ?? node.api;
    if (exact !== undefined) return exact;
  }
  return lookUpParents(compiled, host, true) ?? noMatches['no-rule'];
}

export type ClassifyHostOptions = Readonly<{
  /** Also fall back to site rules (`domain`, `host`) when no API rule matches. Default false. */
  includeSites?: boolean;
}>;

/**
 * Classifies the host of a sub-resource request (fetch, XHR, WebSocket) against the API rules, so
 * "this page sends data to that AI provider" is seen. Accepts a bare host, with or without port.
 */
export function classifyHost(
  compiled: CompiledCatalog,
  hostInput: string,
  options: ClassifyHostOptions = {},
): Classification {
  const host = normaliseHostInput(hostInput);
  if (host === null) return noMatches.unparsable;
  if (isIpOrLocalhost(host)) return noMatches['ip-or-localhost'];
  const node = nodeAt(compiled, host, 0, scanHost(host));
  const hit = node?.api ?? lookUpParents(compiled, host, false);
  if (hit !== undefined) return hit;
  if (options.includeSites !== true) return noMatches['no-rule'];
  return node?.site ?? lookUpParents(compiled, host, true) ?? noMatches['no-rule'];
}

// Scratch space for scanHost: where each parent domain starts in the host and its hash. Reused on
// every call (the classifier is synchronous), so classifying allocates nothing of its own.
const maxLabels = 128;
const parentStarts = new Int32Array(maxLabels);
const parentHashes = new Int32Array(maxLabels);
let parentCount = 0;

/**
 * Hashes the host and every parent domain in one right-to-left pass (see host-hash.ts), records the
 * parents in the scratch arrays (shortest first) and returns the hash of the whole host.
 */
function scanHost(host: string): number {
  let hash = hashSeed;
  let count = 0;
  for (let i = host.length - 1; i >= 0; i -= 1) {
    const code = host.charCodeAt(i);
    if (code === dot && count < maxLabels) {
      parentStarts[count] = i + 1;
      parentHashes[count] = hash;
      count += 1;
    }
    hash = Math.imul(hash ^ code, hashPrime);
  }
  parentCount = count;
  return hash;
}

/**
 * The node for the part of `host` from `start` to the end, given its hash. A clear filter bit ends
 * the search at once; otherwise probe the table and confirm the key in place, without slicing.
 */
function nodeAt(compiled: CompiledCatalog, host: string, start: number, hash: number): HostNode | undefined {
  const mixed = mixHash(hash);
  const bit = mixed & compiled.hostFilterMask;
  if ((compiled.hostFilter[bit >>> 5]! & (1 << (bit & 31))) === 0) return undefined;
  const slots = compiled.hostSlots;
  const mask = compiled.hostSlotMask;
  const length = host.length - start;
  for (let slot = mixed & mask; ; slot = (slot + 1) & mask) {
    const index = slots[slot * 2 + 1]!;
    if (index === 0) return undefined;
    if (slots[slot * 2] === hash) {
      const key = compiled.hostKeys[index - 1]!;
      if (key.length === length && host.startsWith(key, start)) return compiled.hostNodes[index - 1];
    }
  }
}

/**
 * Walks the parent domains recorded by the last scanHost, most specific first, for a rule that
 * covers subdomains (`domain` for sites, `api-suffix` for APIs). The top-level label alone (index 0)
 * is skipped; rules never sit on a public suffix (the schema refuses them via tldts), so the walk
 * ends at the registrable domain without a suffix-list lookup per URL.
 */
function lookUpParents(compiled: CompiledCatalog, host: string, sites: boolean): ServiceMatch | undefined {
  for (let level = parentCount - 1; level >= 1; level -= 1) {
    const node = nodeAt(compiled, host, parentStarts[level]!, parentHashes[level]!);
    if (node === undefined) continue;
    const hit = sites ? (node.siteSuffix ?? node.apiSuffix) : node.apiSuffix;
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** Prefix match at a path-segment boundary: `/ai` matches `/ai` and `/ai/x`, not `/aircraft`. */
function matchPath(rules: readonly CompiledPathRule[], pathname: string): ServiceMatch | undefined {
  for (const rule of rules) {
    const prefix = rule.prefix;
    if (!pathname.startsWith(prefix)) continue;
    if (
      pathname.length === prefix.length ||
      prefix.charCodeAt(prefix.length - 1) === slash ||
      pathname.charCodeAt(prefix.length) === slash
    ) {
      return rule.result;
    }
  }
  return undefined;
}

function withoutTrailingDot(host: string): string {
  return host.charCodeAt(host.length - 1) === dot ? host.slice(0, -1) : host;
}

/**
 * After WHATWG parsing an IPv6 host is bracketed and any host whose last label is numeric has been
 * read as IPv4 (or rejected), so two character checks are enough.
 */
function isIpOrLocalhost(host: string): boolean {
  if (host.length === 0) return false;
  const first = host.charCodeAt(0);
  const last = host.charCodeAt(host.length - 1);
  if (first === 91 /* [ */ || (last >= 48 && last <= 57)) return true;
  return last === 116 /* t */ && (host === 'localhost' || host.endsWith('.localhost'));
}

const plainHost = /^[a-z0-9.-]{1,253}$/;
const notAHost = /[/?#@\\\s]/;

/** Bare hosts from request listeners are usually clean; anything else goes through the URL parser. */
function normaliseHostInput(input: string): string | null {
  if (typeof input !== 'string' || input.length === 0 || input.length > 1024) return null;
  if (plainHost.test(input)) return withoutTrailingDot(input);
  if (notAHost.test(input)) return null;
  const url = URL.parse(`http://${input}/`);
  return url === null ? null : withoutTrailingDot(url.hostname);
}
