import type { StaffRole } from '@sightline/shared/auth/roles';
import type { Me as StaffMe } from '@sightline/shared/auth/staff-api';
import { ApiClientError } from '@sightline/shared/http/api-client-error';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, requestJson, unwrap } from './api';

/** `passwordChangeRequired`: signed in with a one-time password, which must be replaced first. */
export type Me = StaffMe['user'];

/** The signed-in staff member, or null when signed out. */
export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: fetchMe, staleTime: 60_000 });
}

/** Who the session cookie belongs to, or null without a session (401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return (await unwrap(api.api.me.$get())).user as Me;
  } catch (error) {
    if (error instanceof ApiClientError && error.status === 401) return null;
    throw error;
  }
}

export function useRefreshMe() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['me'] });
}

/** Signs out, forgets everything cached for this person, and shows the sign-in page. */
export function useSignOut() {
  const navigate = useNavigate();
  const client = useQueryClient();
  return async () => {
    await requestJson('/api/auth/sign-out', { method: 'POST', body: '{}' }).catch(() => undefined);
    client.clear();
    navigate('/sign-in');
  };
}

export function hasRole(me: Me | null | undefined, roles: readonly StaffRole[]): boolean {
  return !!me && roles.includes(me.role);
}
