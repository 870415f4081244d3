/** The system Chromium (Playwright cannot download its own browser on these machines). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for every Chromium the tests and benchmarks start: no sandbox (root in CI), no GPU, and none of
 * the background traffic a closed network would refuse.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
