import type { Db } from '@sightline/db/client';
import type { PolicyListQuery } from '@sightline/shared/extension-api/staff-admin';
import type { PageQuery } from '@sightline/shared/http/paging';
import { type PolicyState, policyStates } from '@sightline/shared/policy/policy-states';
import { arrayKeyset } from '../../paging/array-keyset';
import { listServicePolicies, type ServicePolicyView } from './policy-service';

// By name as people read it, then by id (names can repeat between custom and built-in entries).
const policyKeys = arrayKeyset<ServicePolicyView>(
  'policy',
  (s) => [s.name, s.serviceId],
  (a, b) => a[0]!.localeCompare(b[0]!) || (a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0),
);

/**
 * A page of the catalog with each service's policy, by name, searched and filtered; the counts per
 * state are the whole catalog's, and each row names its alternative (which may be on another page).
 */
export async function policyPage(db: Db, query: PolicyListQuery, page: PageQuery) {
  const all = await listServicePolicies(db);
  const names = new Map(all.map((s) => [s.serviceId, s.name]));
  const q = query.q?.toLowerCase();
  const matching = all.filter(
    (s) =>
      (!query.state || s.state === query.state) &&
      (!q || `${s.name} ${s.vendor} ${s.serviceId}`.toLowerCase().includes(q)),
  );
  const counts = Object.fromEntries(policyStates.map((state) => [state, 0])) as Record<PolicyState, number>;
  for (const s of all) counts[s.state] += 1;
  const { items, nextCursor } = policyKeys.page(policyKeys.sort(matching), page);
  return {
    items: items.map((s) => ({
      ...s,
      alternativeName: s.alternativeServiceId ? (names.get(s.alternativeServiceId) ?? null) : null,
    })),
    nextCursor,
    counts,
  };
}

/**
 * The services a policy may name as the approved alternative (approved, or approved with
 * conditions), and those already named by one, so an existing choice stays in the list. At most the
 * catalog, so it is read whole for the form's choice.
 */
export async function policyAlternatives(db: Db): Promise<ServicePolicyView[]> {
  const all = await listServicePolicies(db);
  const named = new Set(all.map((s) => s.alternativeServiceId));
  return policyKeys.sort(
    all.filter((s) => s.state === 'approved' || s.state === 'conditional' || named.has(s.serviceId)),
  );
}
