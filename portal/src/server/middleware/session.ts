import { staffRoleSchema } from '@sightline/shared/auth/roles';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context';

/**
 * Resolves the staff session (if a cookie is present) before any route runs. Disabled users count as
 * signed out. `authorize` then applies the route's rule from route-access.ts.
 */
export const resolveSession = createMiddleware<AppEnv>(async (c, next) => {
  c.set('staff', null);
  c.set('passwordChangeRequired', false);
  c.set('actor', { type: 'anonymous' });
  if (c.req.header('cookie')?.includes('session_token')) {
    const result = await c.get('deps').auth.api.getSession({ headers: c.req.raw.headers });
    const user = result?.user as
      | {
          id: string;
          email: string;
          name: string;
          role?: unknown;
          disabled?: unknown;
          passwordChangeRequired?: unknown;
        }
      | undefined;
    const role = staffRoleSchema.safeParse(user?.role);
    if (user && role.success && user.disabled !== true) {
      const staff = { id: user.id, email: user.email, name: user.name, role: role.data };
      c.set('staff', staff);
      c.set('passwordChangeRequired', user.passwordChangeRequired === true);
      c.set('actor', { type: 'staff', user: staff });
    }
  }
  await next();
});
