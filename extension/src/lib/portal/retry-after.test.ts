import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, retryAfterMs } from './retry-after';

describe('retryAfterMs', () => {
  const now = Date.parse('2026-12-06T10:00:00.000Z');

  it('reads whole seconds and HTTP dates', () => {
    expect(retryAfterMs('42', now)).toBe(42_000);
    expect(retryAfterMs('Sun, 06 Dec 2026 10:01:30 GMT', now)).toBe(90_000);
  });

  it('treats a date in the past as "now" and caps absurd waits at an hour', () => {
    expect(retryAfterMs('Sun, 06 Dec 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('999999', now)).toBe(MAX_RETRY_AFTER_MS);
  });

  it('returns null for a missing or unreadable header so the caller keeps its own backoff', () => {
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs('-5', now)).toBeNull();
  });
});
