import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_MAX_MS, backoffDelay } from './backoff';

describe('backoff with jitter', () => {
  it('is zero before any failure', () => expect(backoffDelay(0)).toBe(0));

  it('doubles per failure and stays within [ceiling/2, ceiling]', () => {
    for (let failures = 1; failures <= 12; failures++) {
      const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (failures - 1));
      expect(backoffDelay(failures, () => 0)).toBe(ceiling / 2);
      expect(backoffDelay(failures, () => 1)).toBe(ceiling);
      for (let i = 0; i < 50; i++) {
        const d = backoffDelay(failures);
        expect(d).toBeGreaterThanOrEqual(ceiling / 2);
        expect(d).toBeLessThanOrEqual(ceiling);
      }
    }
    expect(backoffDelay(1, () => 0.5)).toBe(22_500);
  });

  it('is capped however long the portal stays down', () => {
    expect(backoffDelay(1000, () => 1)).toBe(BACKOFF_MAX_MS);
  });

  it('spreads a fleet: different random draws give different delays', () => {
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(3)));
    expect(delays.size).toBeGreaterThan(10);
  });
});
