import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';
import type { AppDeps, AppEnv } from './context';
import { loadEnv } from './env';

function appWithHops(hops: string) {
  const deps = { env: loadEnv({ TRUST_PROXY_HOPS: hops }) } as AppDeps;
  return new Hono<AppEnv>()
    .use(async (c, next) => {
      c.set('deps', deps);
      await next();
    })
    .get('/', (c) => c.text(clientAddress(c)));
}

async function ask(hops: string, forwarded?: string): Promise<string> {
  const res = await appWithHops(hops).request('/', {
    headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
  });
  return res.text();
}

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless proxies are trusted, so clients cannot choose their rate-limit key', async () => {
    expect(await ask('0', '203.0.113.1')).toBe('unknown');
  });

  it('takes the entry our own proxy appended, not the one the client sent first', async () => {
    expect(await ask('1', '198.51.100.66, 203.0.113.7')).toBe('203.0.113.7');
    expect(await ask('2', '198.51.100.66, 203.0.113.7, 10.0.0.2')).toBe('203.0.113.7');
  });
});
