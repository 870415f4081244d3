import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInstance } from 'addons-linter';
import { beforeAll, describe, expect, it } from 'vitest';

/** The Firefox build `run-tests.sh` makes (`pnpm --filter @sightline/extension run build:firefox`). */
const firefoxDir = resolve(import.meta.dirname, '../../extension/.output/firefox-mv3');

type LinterMessage = { code: string; message: string; file?: string };
type LinterOutput = { errors: LinterMessage[]; warnings: LinterMessage[]; notices: LinterMessage[] };

let output: LinterOutput;
let manifest: Record<string, unknown> & {
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: unknown } };
};

beforeAll(async () => {
  if (!existsSync(resolve(firefoxDir, 'manifest.json')))
    throw new Error(`Build the Firefox extension first: ${firefoxDir}`);
  manifest = JSON.parse(readFileSync(resolve(firefoxDir, 'manifest.json'), 'utf8'));
  // Mozilla's own linter is what addons.mozilla.org and `web-ext lint` run: Firefox's manifest schema,
  // permissions and code checks.
  const linter = createInstance({
    config: {
      _: [firefoxDir],
      logLevel: 'fatal',
      stack: false,
      pretty: false,
      warningsAsErrors: false,
      metadata: false,
      output: 'none',
      boring: false,
      selfHosted: true,
    },
    runAsBinary: false,
  });
  output = (await linter.run()) as LinterOutput;
});

describe('the Firefox build', () => {
  it('is a Manifest V3 add-on with its fixed id, an event-page background and no Chrome-only key', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.browser_specific_settings?.gecko?.id).toBe('sightline@sightline.invalid');
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
    expect(manifest).not.toHaveProperty('key');
    expect(manifest.permissions).toEqual(
      expect.arrayContaining(['declarativeNetRequestWithHostAccess', 'storage']),
    );
  });

  it("passes Mozilla's add-on linter without errors, declaring what it collects", () => {
    expect(output.errors).toEqual([]);
    expect(output.warnings.map((w) => w.code)).not.toContain('MISSING_DATA_COLLECTION_PERMISSIONS');
    // The only warnings left are React's own DOM code (it sets innerHTML for SVG and for
    // dangerouslySetInnerHTML, which Sightline never uses with data), not Sightline's code.
    for (const warning of output.warnings) {
      expect(warning.code).toBe('UNSAFE_VAR_ASSIGNMENT');
      expect(readFileSync(resolve(firefoxDir, warning.file!), 'utf8')).toContain('react.dev/errors');
    }
  });
});
