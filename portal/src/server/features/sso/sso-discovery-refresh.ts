import { ssoProvider } from '@sightline/db/schema/sso';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { ServiceDeps } from '../../context';
import { type DiscoveredEndpoints, discoverEndpoints, endpointFields } from './sso-discovery';

type Deps = Pick<ServiceDeps, 'db' | 'now'>;
type Change = { from: string | null; to: string | null };

/**
 * Re-reads every provider's discovery document and keeps endpoints that moved (a new JWKS URI, a new
 * token endpoint), each change audited. Nothing is written when nothing moved, so sign-ins under way
 * are not disturbed (the plugin refuses a callback whose provider changed since the sign-in started).
 * A provider whose document cannot be read keeps the endpoints it has; the others are still refreshed,
 * and the run then fails naming the providers, for the worker's log and the health answer.
 */
export async function refreshSsoDiscovery(deps: Deps): Promise<{ changed: string[] }> {
  const providers = await deps.db
    .select({ providerId: ssoProvider.providerId, issuer: ssoProvider.issuer })
    .from(ssoProvider)
    .orderBy(ssoProvider.providerId);
  const changed: string[] = [];
  const failed: string[] = [];
  for (const { providerId, issuer } of providers) {
    let found: DiscoveredEndpoints;
    try {
      found = await discoverEndpoints(issuer);
    } catch (error) {
      failed.push(`${providerId}: ${error instanceof Error ? error.message : 'unreadable'}`);
      continue;
    }
    if (await keepMovedEndpoints(deps, providerId, issuer, found)) changed.push(providerId);
  }
  if (failed.length > 0) throw new Error(`discovery not read for ${failed.join('; ')}`);
  return { changed };
}

async function keepMovedEndpoints(
  deps: Deps,
  providerId: string,
  issuer: string,
  found: DiscoveredEndpoints,
): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ issuer: ssoProvider.issuer, oidcConfig: ssoProvider.oidcConfig })
      .from(ssoProvider)
      .where(eq(ssoProvider.providerId, providerId))
      .for('update');
    // Removed, or given another issuer by an admin while the document was read: their save wins.
    if (!row || row.issuer !== issuer) return false;
    const config = JSON.parse(row.oidcConfig ?? '{}') as Record<string, unknown>;
    const changes: Record<string, Change> = {};
    for (const field of endpointFields) {
      const before = typeof config[field] === 'string' ? config[field] : null;
      const after = found[field] ?? null;
      if (before !== after) changes[field] = { from: before, to: after };
    }
    if (Object.keys(changes).length === 0) return false;
    const next: Record<string, unknown> = { ...config };
    for (const field of endpointFields) next[field] = found[field];
    await tx
      .update(ssoProvider)
      .set({ oidcConfig: JSON.stringify(next), updatedAt: deps.now })
      .where(eq(ssoProvider.providerId, providerId));
    await recordAudit(tx, {
      actor: { type: 'system' },
      action: 'sso.provider_endpoints_changed',
      targetType: 'sso_provider',
      targetId: providerId,
      details: { providerId, issuer, changes },
      at: deps.now,
    });
    return true;
  });
}
