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

/**
 * The environment for every Chromium the tests start. Chromium on Linux names downloaded files in the
 * locale's encoding; with no locale set (CI runs `env -i`) a name with 深度求索 or Ø cannot be encoded and
 * the file is saved as "download". A UTF-8 locale, as any desktop has, unless one is already chosen.
 */
export const chromiumEnv: Record<string, string> = {
  ...(process.env as Record<string, string>),
  LANG: process.env.LANG || 'C.UTF-8',
};
