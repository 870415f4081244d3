import type { StaffRole } from '@sightline/shared/auth/roles';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, StaffUser } from '../context';
import { AppError } from '../errors';

/**
 * The one role check. Every staff route names the roles allowed; anonymous callers get 401, signed-in
 * callers without the role get 403. (Device and vendor routes use their own credential middleware.)
 */
export function access(...allowed: readonly StaffRole[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const staff = c.get('staff');
    if (!staff) throw new AppError('unauthenticated', 'Sign in first');
    if (!allowed.includes(staff.role)) throw new AppError('forbidden', 'Your role does not allow this');
    await next();
  });
}

/** Marks a route as deliberately open to anyone (sign-in, health, invitation acceptance). */
export const publicAccess = createMiddleware<AppEnv>(async (_c, next) => {
  await next();
});

/** The signed-in staff member; only call behind `access(...)`. */
export function currentStaff(c: { get: (key: 'staff') => StaffUser | null }): StaffUser {
  const staff = c.get('staff');
  if (!staff) throw new AppError('unauthenticated', 'Sign in first');
  return staff;
}
