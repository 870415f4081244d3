import { browserApis } from '../adapters/browser-apis';
import { record } from '../events/record';
import { loadContext } from '../runtime-context';
import { local } from '../state/local-state';

let inFlight: Promise<number> | null = null;

/** Records each installed AI browser extension from the catalog once (ids only; nothing about its use). */
export function scanExtensions(): Promise<number> {
  // One scan at a time (install and start-up can fire together); not `serialized`, which `record` uses.
  inFlight ??= scan().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function scan(): Promise<number> {
  const ctx = await loadContext();
  if (ctx.catalog.extensions.size === 0) return 0;
  const installed = await browserApis()
    .management.getAll()
    .catch(() => []);
  const reported = new Set(await local.reportedExtensions.get());
  let found = 0;
  for (const ext of installed) {
    const entry = ctx.catalog.extensions.get(ext.id);
    if (!entry || reported.has(ext.id)) continue;
    reported.add(ext.id);
    found += 1;
    await record({
      kind: 'extension_installed',
      serviceId: entry.id,
      host: ext.id,
      matchedRule: `extension:${ext.id}`,
      extensionId: ext.id,
    });
  }
  if (found > 0) await local.reportedExtensions.set([...reported]);
  return found;
}
