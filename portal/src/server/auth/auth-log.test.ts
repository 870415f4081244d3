import { DrizzleQueryError } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { logAuthEvent } from './auth-log';

afterEach(() => vi.restoreAllMocks());

const failedLookup = (code: string) =>
  new DrizzleQueryError(
    'select "id" from "session" where "session"."token" = $1',
    ['sha256:3cb6d008731c410039d58af818742a1f'],
    Object.assign(new Error('boom'), { code }),
  );

describe("better-auth's log", () => {
  it('writes a failed query without the values it carried', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    logAuthEvent('error', 'INTERNAL_SERVER_ERROR', failedLookup('XX000'), { token: 'raw' });
    const line = String(log.mock.calls[0]?.[0]);
    expect(line).toContain('INTERNAL_SERVER_ERROR');
    expect(line).toContain('where "session"."token" = $1');
    expect(line).not.toMatch(/sha256:|raw/);
  });

  it('leaves an unreachable database to the request’s own fault line', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    logAuthEvent('error', 'INTERNAL_SERVER_ERROR', failedLookup('ECONNREFUSED'));
    expect(log).not.toHaveBeenCalled();
  });
});
