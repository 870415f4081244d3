import {
  changePasswordSchema,
  meSchema,
  signedInSchema,
  signedOutSchema,
} from '@sightline/shared/auth/staff-api';
import { okSchema } from '@sightline/shared/http/ok';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit';
import { withoutSessionToken } from '../../auth/without-session-token';
import type { AppEnv } from '../../context';
import { currentStaff, refuseOneTimePassword } from '../../middleware/access';
import { errors, json } from '../../openapi-responses';
import { validate } from '../../validation';
import { changeOwnPassword } from './change-password';
import { signInGuard } from './sign-in-guard';

const tags = ['Authentication'];
/** better-auth answers its own refusals in its own shape. */
const betterAuthError = json(
  z.object({ message: z.string(), code: z.string() }),
  'Refused by better-auth, in its own shape (`code`, `message`)',
);

/** better-auth's session endpoints act on the caller's account: not with a one-time password. */
const notWithOneTimePassword = createMiddleware<AppEnv>(async (c, next) => {
  refuseOneTimePassword(c);
  await next();
});

/** better-auth's own endpoints under /api/auth, with our guard on sign-in and sign-out. */
export const authRoutes = new Hono<AppEnv>()
  .post(
    '/api/auth/sign-in/email',
    describeRoute({
      tags,
      summary: 'Sign in with email and password (sets the session cookie)',
      responses: {
        200: json(signedInSchema, 'Signed in; the session cookie is set'),
        ...errors(401, 429),
      },
    }),
    signInGuard,
    async (c) => withoutSessionToken(await c.get('deps').auth.handler(c.req.raw)),
  )
  .post(
    '/api/auth/sign-out',
    describeRoute({ tags, summary: 'Sign out', responses: { 200: json(signedOutSchema, 'Signed out') } }),
    async (c) => {
      const staff = c.get('staff');
      const res = await c.get('deps').auth.handler(c.req.raw);
      if (staff)
        await recordAudit(c.get('deps').db, {
          actor: { type: 'staff', user: staff },
          action: 'auth.sign_out',
        });
      return res;
    },
  )
  .post(
    '/api/auth/change-password',
    describeRoute({
      tags,
      summary: 'Change your own password (ends all your other sessions; this one gets a new cookie)',
      responses: { 200: json(okSchema, 'Changed; the response sets the new session cookie') },
    }),
    validate('json', changePasswordSchema),
    async (c) => {
      const { db, auth } = c.get('deps');
      const headers = await changeOwnPassword(
        { db, auth },
        currentStaff(c),
        c.req.valid('json'),
        c.req.raw.headers,
      );
      for (const cookie of headers.getSetCookie()) c.header('set-cookie', cookie, { append: true });
      return c.json({ ok: true }, 200);
    },
  )
  .on(
    ['GET', 'POST'],
    '/api/auth/*',
    describeRoute({
      tags,
      summary: "Other better-auth endpoints (such as get-session); their bodies are better-auth's own",
      responses: {
        200: json(z.unknown(), "better-auth's answer (get-session: the session and user, or null)"),
        // 403 is ours: a session still holding a one-time password may not use them.
        ...errors(403),
        400: betterAuthError,
        401: betterAuthError,
        404: { description: 'No such better-auth endpoint (no body)' },
        405: betterAuthError,
      },
    }),
    notWithOneTimePassword,
    async (c) => withoutSessionToken(await c.get('deps').auth.handler(c.req.raw)),
  )
  .get(
    '/api/me',
    describeRoute({
      tags,
      summary: 'The signed-in staff member, and whether they must first replace a one-time password',
      responses: { 200: json(meSchema, 'The signed-in staff member') },
    }),
    (c) =>
      c.json({ user: { ...currentStaff(c), passwordChangeRequired: c.get('passwordChangeRequired') } }, 200),
  );
