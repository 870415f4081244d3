import { describe, expect, it } from 'vitest';
import { runSoak } from '../bench/soak';
import { formatTable } from '../bench/soak-recorder';

/** The CI run of `pnpm bench:soak`: the same scenario, 30 s unless SOAK_SECONDS says otherwise. */
const seconds = Number(process.env.SOAK_SECONDS ?? 30);

describe.skipIf(!process.env.DATABASE_URL)('soak: browsers, staff and vendors at once', () => {
  it(
    `answers every request of a ${seconds} s mixed load without an error, and stores every event sent`,
    async () => {
      const result = await runSoak({ seconds });
      process.stdout.write(
        `${formatTable([...result.routes, result.all])}\npeak RSS ${result.peakRssMb} MB\n`,
      );
      expect(result.errorSamples).toEqual([]);
      expect(result.errors).toBe(0);
      // Every route of the scenario was exercised, not just some.
      expect(result.routes.map((r) => r.route).sort()).toEqual([
        'GET /api/discovery/dashboard?days=30',
        'GET /api/discovery/services/:id?days=30',
        'GET /api/discovery/services?days=30',
        'GET /api/ext/policy',
        'GET /api/overview?days=30',
        'GET /api/vendor/assessment',
        'POST /api/ext/events',
        'PUT /api/vendor/answers',
      ]);
      expect(result.eventsSent).toBeGreaterThan(0);
      expect(result.eventsStored).toBe(result.eventsSent);
      expect(result.busiestDevicePerMinute).toBeLessThan(result.deviceBudget);
      expect(result.peakRssMb).toBeGreaterThan(0);
    },
    (seconds + 420) * 1000,
  );
});
