import { describe, expect, it } from 'vitest';
import { usageEventSchema } from '../extension-api/usage-events';
import { calendarDateSchema } from './dates';

describe('calendarDateSchema', () => {
  it.each(['1900-01-01', '2026-02-28', '2028-02-29', '9999-12-31'])('accepts %s', (day) => {
    expect(calendarDateSchema.safeParse(day).success).toBe(true);
  });

  // Each of these once reached the database, which refused it with a 500.
  it.each(['0000-01-01', '0001-01-01', '1899-12-31', '2026-02-30', '2026-13-01', '26-01-01', '2026-1-1'])(
    'refuses %s',
    (day) => {
      expect(calendarDateSchema.safeParse(day).success).toBe(false);
    },
  );
});

describe('an event date', () => {
  const event = (occurredAt: string) => ({
    id: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
    kind: 'visit',
    host: 'chatgpt.com',
    serviceId: 'openai-chatgpt',
    matchedRule: 'domain:chatgpt.com',
    occurredAt,
  });

  it('may be years old (a device offline for long, a clock reset to 1970)', () => {
    expect(usageEventSchema.safeParse(event('1970-01-01T00:00:00Z')).error).toBeUndefined();
  });

  it('is refused in a year the database cannot store', () => {
    expect(usageEventSchema.safeParse(event('0000-06-01T00:00:00Z')).success).toBe(false);
    expect(usageEventSchema.safeParse(event('0001-01-01T00:00:00+01:00')).success).toBe(false);
    // Storable, but read back by the drivers as an invalid date.
    expect(usageEventSchema.safeParse(event('0024-02-29T20:09:54Z')).success).toBe(false);
    expect(usageEventSchema.safeParse(event('1899-12-31T23:59:59Z')).success).toBe(false);
  });
});
