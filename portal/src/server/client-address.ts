import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from './context';

/**
 * The caller's address, for rate limits. Without trusted proxies (TRUST_PROXY_HOPS=0) it is the socket's
 * peer, so a client cannot pick its own key by sending X-Forwarded-For. Behind N proxies, each appends
 * the address it saw, so the Nth entry from the right is the one our own proxy recorded.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const hops = c.get('deps').env.TRUST_PROXY_HOPS;
  if (hops > 0) {
    const chain = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const seen = chain[chain.length - hops];
    if (seen) return seen.slice(0, 100);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'unknown';
  }
}
