import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumEnv, chromiumPath } from './e2e/support/chromium';

// Browser tests drive the system Chromium; nothing downloads a browser.
export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/support/global-setup.ts',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  outputDir: 'test-results',
  use: {
    headless: true,
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
      env: chromiumEnv,
    },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
});
