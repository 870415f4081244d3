import type { InventoryListQuery } from '@sightline/shared/inventory/inventory-api';
import { api, unwrap } from '../../lib/api';

/** One page of AI systems. */
export const fetchInventoryPage = (query: InventoryListQuery, cursor: string | undefined) =>
  unwrap(api.api.inventory.$get({ query: { ...query, cursor } }));
export const fetchSystem = (id: string) => unwrap(api.api.inventory[':id'].$get({ param: { id } }));
export type SystemDetail = Awaited<ReturnType<typeof fetchSystem>>;
export const inventoryKey = (query: InventoryListQuery) => ['inventory', query] as const;
export const systemKey = (id: string) => ['inventory', 'system', id] as const;
/** Every inventory query, to refresh them all after a change. */
export const allInventoryKey = ['inventory'] as const;

/** Who may add and change systems (the server checks the same). */
export const inventoryWriters = ['admin', 'procurement', 'approver'] as const;
