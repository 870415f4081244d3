import { defineConfig } from 'vitest/config';

// One Vitest run over every package, so `pnpm test` reports one total.
export default defineConfig({
  test: {
    projects: [
      '../shared',
      '../db',
      '../portal',
      '../extension',
      {
        test: {
          name: 'integration',
          root: import.meta.dirname,
          include: ['integration/**/*.test.ts'],
          globalSetup: ['integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
    reporters: ['default', 'json'],
    outputFile: { json: './reports/vitest.json' },
  },
});
