import type { StaffRole } from '@sightline/shared/auth/roles';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, unwrap } from './api';

export type Me = { id: string; email: string; name: string; role: StaffRole };

/** The signed-in staff member, or null when signed out. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Me | null> => {
      try {
        return (await unwrap(api.api.me.$get())).user as Me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useRefreshMe() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['me'] });
}

export function hasRole(me: Me | null | undefined, roles: readonly StaffRole[]): boolean {
  return !!me && roles.includes(me.role);
}
