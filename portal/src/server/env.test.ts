import { describe, expect, it } from 'vitest';
import { loadEnv } from './env';

describe('loadEnv', () => {
  it('fills defaults and derives the public URL from the port', () => {
    const env = loadEnv({ PORT: '9000' });
    expect(env.PUBLIC_URL).toBe('http://localhost:9000');
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('stops with a readable message on bad config', () => {
    expect(() => loadEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('requires a session secret in production', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET/);
  });
});
