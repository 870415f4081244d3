import type { CatalogEntry, MatchRule } from './catalog-schema';
import type { ServiceCategory } from './categories';

// Short constructors keep the data files readable: one line per rule.

export const domain = (value: string): MatchRule => ({ kind: 'domain', value });
export const host = (value: string): MatchRule => ({ kind: 'host', value });
export const path = (hostName: string, pathPrefix: string): MatchRule => ({
  kind: 'path',
  host: hostName,
  pathPrefix,
});
export const api = (value: string): MatchRule => ({ kind: 'api', value });
export const apiSuffix = (value: string): MatchRule => ({ kind: 'api-suffix', value });

/** One API host per region, for cloud endpoints that put the region inside the host name. */
export const regionalApis = (regions: readonly string[], hostFor: (region: string) => string): MatchRule[] =>
  regions.map((region) => api(hostFor(region)));

export type ServiceData = Omit<CatalogEntry, 'category'>;

/** Data files list services per category; the category is written once per group. */
export function inCategory(category: ServiceCategory, services: readonly ServiceData[]): CatalogEntry[] {
  return services.map((service) => ({ ...service, category }));
}
