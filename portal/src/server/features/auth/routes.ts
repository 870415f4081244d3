import { anyStaff } from '@sightline/shared/auth/roles';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { recordAudit } from '../../audit/record-audit';
import type { AppEnv } from '../../context';
import { access, currentStaff, publicAccess } from '../../middleware/access';
import { signInGuard } from './sign-in-guard';

const tags = ['Authentication'];

/** better-auth's own endpoints under /api/auth, with our guard on sign-in and sign-out. */
export const authRoutes = new Hono<AppEnv>()
  .post(
    '/api/auth/sign-in/email',
    describeRoute({ tags, summary: 'Sign in with email and password (sets the session cookie)' }),
    publicAccess,
    signInGuard,
    (c) => c.get('deps').auth.handler(c.req.raw),
  )
  .post('/api/auth/sign-out', describeRoute({ tags, summary: 'Sign out' }), publicAccess, async (c) => {
    const staff = c.get('staff');
    const res = await c.get('deps').auth.handler(c.req.raw);
    if (staff)
      await recordAudit(c.get('deps').db, { actor: { type: 'staff', user: staff }, action: 'auth.sign_out' });
    return res;
  })
  .post(
    '/api/auth/change-password',
    describeRoute({ tags, summary: 'Change your own password (ends your other sessions)' }),
    access(...anyStaff),
    async (c) => {
      const staff = currentStaff(c);
      const res = await c.get('deps').auth.handler(c.req.raw);
      if (res.status === 200) {
        await recordAudit(c.get('deps').db, {
          actor: { type: 'staff', user: staff },
          action: 'auth.password_changed',
          targetType: 'user',
          targetId: staff.id,
        });
      }
      return res;
    },
  )
  .on(
    ['GET', 'POST'],
    '/api/auth/*',
    describeRoute({ tags, summary: 'Other better-auth endpoints (session, password change)' }),
    publicAccess,
    (c) => c.get('deps').auth.handler(c.req.raw),
  )
  .get('/api/me', describeRoute({ tags, summary: 'The signed-in staff member' }), access(...anyStaff), (c) =>
    c.json({ user: currentStaff(c) }, 200),
  );
