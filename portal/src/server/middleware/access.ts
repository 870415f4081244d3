import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import type { Actor, AppEnv } from '../context';
import { AppError } from '../errors';
import { oneTimePasswordRoutes, routeAccess } from '../route-access';

/**
 * The one role check, for every API route, from the one table (route-access.ts): the route that will
 * answer is looked up by method and pattern, and its rule applied before any of its own handlers run.
 * Staff routes: anonymous callers get 401, signed-in callers without the role 403, and someone still
 * holding a one-time password 403 `password_change_required` (except on the routes that let them choose
 * a new one). Device and vendor-token routes check their own credential on the route (deviceAuth,
 * vendorTokenAuth); a route missing from the table is refused as a fault, never let through.
 */
export const authorize = createMiddleware<AppEnv>(async (c, next) => {
  // The API handlers registered with a method (not `use` middleware, not the static UI's catch-all):
  // the first is the route that answers.
  const endpoint = matchedRoutes(c).find((route) => route.method !== 'ALL' && route.path.startsWith('/api/'));
  if (!endpoint) return next();
  const key = `${endpoint.method} ${endpoint.path}`;
  const rule = routeAccess[key];
  if (rule === undefined) throw new Error(`${key} has no rule in route-access.ts`);
  if (typeof rule !== 'string') {
    const staff = c.get('staff');
    if (!staff) throw new AppError('unauthenticated', 'Sign in first');
    if (!oneTimePasswordRoutes.has(key)) refuseOneTimePassword(c);
    if (!rule.includes(staff.role)) throw new AppError('forbidden', 'Your role does not allow this');
  }
  await next();
});

/** Throws for a session whose user must first replace a one-time password. */
export function refuseOneTimePassword(c: { get: (key: 'passwordChangeRequired') => boolean }): void {
  if (c.get('passwordChangeRequired'))
    throw new AppError(
      'password_change_required',
      'You signed in with a one-time password. Choose your own password first.',
    );
}

export type StaffActor = Extract<Actor, { type: 'staff' }>;

/** The signed-in staff member as the actor of what a staff route does (`authorize` let only staff in). */
export function staffActor(c: { get: (key: 'actor') => Actor }): StaffActor {
  const actor = c.get('actor');
  if (actor.type !== 'staff') throw new AppError('unauthenticated', 'Sign in first');
  return actor;
}

/** The signed-in staff member; only on staff routes. */
export function currentStaff(c: { get: (key: 'actor') => Actor }): StaffActor['user'] {
  return staffActor(c).user;
}
