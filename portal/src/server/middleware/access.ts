import type { StaffRole } from '@sightline/shared/auth/roles';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, StaffUser } from '../context';
import { AppError } from '../errors';

/**
 * The one role check. Every staff route names the roles allowed; anonymous callers get 401, signed-in
 * callers without the role get 403. (Device and vendor routes use their own credential middleware.)
 * Someone still holding a one-time password gets 403 `password_change_required` everywhere but the
 * few routes declared with `accessWithOneTimePassword`.
 */
export function access(...allowed: readonly StaffRole[]) {
  return guard(allowed, false);
}

/** For the routes a one-time password may reach: who am I, and choosing a new password. */
export function accessWithOneTimePassword(...allowed: readonly StaffRole[]) {
  return guard(allowed, true);
}

function guard(allowed: readonly StaffRole[], oneTimePasswordAllowed: boolean) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const staff = c.get('staff');
    if (!staff) throw new AppError('unauthenticated', 'Sign in first');
    if (!oneTimePasswordAllowed) refuseOneTimePassword(c);
    if (!allowed.includes(staff.role)) throw new AppError('forbidden', 'Your role does not allow this');
    await next();
  });
}

/** Throws for a session whose user must first replace a one-time password. */
export function refuseOneTimePassword(c: { get: (key: 'passwordChangeRequired') => boolean }): void {
  if (c.get('passwordChangeRequired'))
    throw new AppError(
      'password_change_required',
      'You signed in with a one-time password. Choose your own password first.',
    );
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
