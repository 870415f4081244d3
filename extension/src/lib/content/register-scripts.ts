import { browserApis } from '../adapters/browser-apis';
import type { RuntimeCatalog } from '../catalog/catalog-runtime';
import { contentScriptMatches } from '../catalog/site-patterns';

export const CONTENT_SCRIPT_ID = 'sightline-ai-page';
export const CONTENT_SCRIPT_FILE = 'content-scripts/ai-page.js';

/**
 * The content script is registered for the catalog's service sites only, never for every page, and
 * re-registered when the org's custom entries change the list.
 */
export async function registerContentScripts(catalog: RuntimeCatalog): Promise<string[]> {
  const matches = contentScriptMatches(catalog.entries);
  const scripting = browserApis().scripting;
  const existing = (await scripting.getRegisteredContentScripts()).find((s) => s.id === CONTENT_SCRIPT_ID);
  if (existing && JSON.stringify([...(existing.matches ?? [])].sort()) === JSON.stringify(matches))
    return matches;
  if (existing) await scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
  if (matches.length === 0) return matches;
  await scripting.registerContentScripts([
    {
      id: CONTENT_SCRIPT_ID,
      js: [CONTENT_SCRIPT_FILE],
      matches,
      runAt: 'document_idle',
      persistAcrossSessions: true,
      allFrames: false,
    },
  ]);
  return matches;
}
