import type { CatalogEntry } from '@sightline/shared/catalog/catalog-schema';

/** Small deterministic PRNG (mulberry32) so every run measures the same corpus. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = [
  'app',
  'docs',
  'login',
  'c',
  'chat',
  'api',
  'v1',
  'images',
  'settings',
  'share',
  'team',
  'x',
  'u',
  'new',
];
const tlds = ['com', 'net', 'org', 'io', 'co.uk', 'de', 'fr', 'dev', 'app', 'com.au', 'co.jp', 'ru', 'cn'];
const garbage = [
  '',
  '   ',
  'not a url',
  'chatgpt.com',
  'https://',
  'http://[::1',
  '%%%',
  'https://exa mple.com/',
  '//chatgpt.com/c/1',
  'javascript:alert(1)',
  'data:text/html,<h1>chatgpt.com</h1>',
  'ftp://files.example.com/a.txt',
  'chrome://settings/',
  'mailto:someone@example.com',
];

type Pick = <T>(items: readonly T[]) => T;

function pathOf(random: () => number, pick: Pick): string {
  const depth = Math.floor(random() * 4);
  let path = '';
  for (let i = 0; i < depth; i += 1)
    path += `/${pick(words)}${random() < 0.3 ? Math.floor(random() * 1e6) : ''}`;
  if (random() < 0.2) path += `?q=${Math.floor(random() * 1e9)}&ref=x`;
  return path === '' ? '/' : path;
}

/**
 * A million-ish URLs shaped like browser traffic: mostly ordinary sites, a fair share of catalog
 * hosts (bare, with subdomains, path features, API hosts), look-alikes, IPs and garbage.
 */
export function buildUrlCorpus(catalog: readonly CatalogEntry[], count: number, seed = 42): string[] {
  const random = seededRandom(seed);
  const pick: Pick = (items) => items[Math.floor(random() * items.length)]!;

  const siteHosts: string[] = [];
  const domainHosts: string[] = [];
  const pathUrls: string[] = [];
  const apiHosts: string[] = [];
  for (const entry of catalog) {
    for (const rule of entry.rules) {
      if (rule.kind === 'domain') domainHosts.push(rule.value);
      if (rule.kind === 'domain' || rule.kind === 'host') siteHosts.push(rule.value);
      if (rule.kind === 'path') pathUrls.push(`https://${rule.host}${rule.pathPrefix}`);
      if (rule.kind === 'api') apiHosts.push(rule.value);
      if (rule.kind === 'api-suffix') apiHosts.push(`res${Math.floor(random() * 1000)}.${rule.value}`);
    }
  }
  const ordinaryHosts = Array.from({ length: 20_000 }, (_, i) => {
    const name = `site${i}${pick(['shop', 'news', 'bank', 'mail', 'wiki', 'cdn', 'cloud'])}`;
    return random() < 0.5 ? `www.${name}.${pick(tlds)}` : `${name}.${pick(tlds)}`;
  });

  const urls: string[] = new Array(count);
  for (let i = 0; i < count; i += 1) {
    const roll = random();
    const path = pathOf(random, pick);
    if (roll < 0.45) urls[i] = `https://${pick(ordinaryHosts)}${path}`;
    else if (roll < 0.6) urls[i] = `https://${pick(siteHosts)}${path}`;
    else if (roll < 0.7) urls[i] = `https://${pick(['www', 'app', 'eu', 'x1'])}.${pick(domainHosts)}${path}`;
    else if (roll < 0.75) urls[i] = `${pick(pathUrls)}${random() < 0.5 ? '/sub' : ''}`;
    else if (roll < 0.8) urls[i] = `https://${pick(apiHosts)}/v1/chat/completions`;
    else if (roll < 0.88) {
      const host = pick(domainHosts);
      urls[i] = pick([
        `https://not${host}${path}`,
        `https://${host}.evil.example${path}`,
        `https://${host}@evil.example${path}`,
        `http://evil.example/${host}`,
        `https://${host.replace('a', 'а')}${path}`,
      ]);
    } else if (roll < 0.93) urls[i] = pick(garbage);
    else if (roll < 0.96)
      urls[i] = pick([
        'http://127.0.0.1:8080/',
        'http://localhost:3000/x',
        'http://[::1]/',
        'http://10.0.0.7/a',
      ]);
    else urls[i] = `HTTPS://${pick(siteHosts).toUpperCase()}.:443${path}`;
  }
  return urls;
}

/** Synthetic services adding `ruleCount` rules of every kind, to show lookups do not grow with size. */
export function syntheticEntries(ruleCount: number, rulesPerEntry = 100): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  for (let n = 0; n * rulesPerEntry < ruleCount; n += 1) {
    const rules: CatalogEntry['rules'] = [];
    for (let j = 0; j < rulesPerEntry && n * rulesPerEntry + j < ruleCount; j += 1) {
      const base = `pad${n}x${j}.example`;
      const kind = j % 5;
      if (kind === 0) rules.push({ kind: 'domain', value: base });
      else if (kind === 1) rules.push({ kind: 'host', value: `chat.${base}` });
      else if (kind === 2) rules.push({ kind: 'path', host: `suite${n}.example`, pathPrefix: `/ai${j}` });
      else if (kind === 3) rules.push({ kind: 'api', value: `api.${base}` });
      else rules.push({ kind: 'api-suffix', value: `inference.${base}` });
    }
    entries.push({
      id: `synthetic-${n}`,
      name: `Synthetic ${n}`,
      vendor: 'Synthetic',
      website: 'https://synthetic.example',
      category: 'other',
      rules,
    });
  }
  return entries;
}
