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
  'POST /api/ext/enroll': 'public',
  'GET /api/ext/policy': 'device',
  'POST /api/ext/events': 'device',
  'POST /api/ext/requests': 'device',
  'POST /api/ext/candidates': 'device',
  'GET /api/devices': ['admin', 'auditor'],
  'POST /api/devices/:id/revoke': ['admin'],
  'GET /api/enrollment-tokens': ['admin', 'auditor'],
  'POST /api/enrollment-tokens': ['admin'],
  'POST /api/enrollment-tokens/:id/revoke': ['admin'],
  'GET /api/policy/services': ALL,
  'PUT /api/policy/services/:serviceId': ['admin', 'procurement'],
  'GET /api/settings': ['admin', 'auditor'],
  'PATCH /api/settings': ['admin'],
  'GET /api/requests': ['admin', 'procurement', 'reviewer', 'approver', 'auditor'],
  'PATCH /api/requests/:id': ['admin', 'procurement'],
  'GET /api/candidates': ['admin', 'procurement', 'auditor'],
  'POST /api/candidates/:id/accept': ['admin', 'procurement'],
  'POST /api/candidates/:id/dismiss': ['admin', 'procurement'],
  'GET /api/catalog': ALL,
};
