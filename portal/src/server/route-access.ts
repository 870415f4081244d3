import type { StaffRole } from '@sightline/shared/auth/roles';

/**
 * Who may call each API route: staff roles, or a non-staff credential. The authorization matrix test
 * calls every route in the app as anonymous and as each role and checks the answer against this table;
 * a route missing here fails that test, so every new route must be listed.
 */
export type RouteAccess = readonly StaffRole[] | 'public' | 'device' | 'vendor-token';

const ALL: readonly StaffRole[] = ['admin', 'procurement', 'reviewer', 'approver', 'auditor', 'viewer'];

export const routeAccess: Record<string, RouteAccess> = {
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/docs': 'public',
  'GET /api/docs/start.js': 'public',
  'GET /api/docs/:file{swagger-ui\\.css|swagger-ui-bundle\\.js}': 'public',
  'POST /api/auth/sign-in/email': 'public',
  'POST /api/auth/sign-out': 'public',
  'POST /api/auth/change-password': ALL,
  'GET /api/auth/*': 'public',
  'POST /api/auth/*': 'public',
  'GET /api/me': ALL,
  'GET /api/users': ['admin', 'auditor'],
  'POST /api/users/invitations': ['admin'],
  'DELETE /api/users/invitations/:id': ['admin'],
  'PATCH /api/users/:id': ['admin'],
  'POST /api/invitations/accept': 'public',
  'GET /api/audit': ['admin', 'auditor'],
  'GET /api/audit/verify': ['admin', 'auditor'],
  'GET /api/outbox': ['admin', 'procurement'],
  'POST /api/outbox/:id/retry': ['admin', 'procurement'],
};
