import {
  createSsoProviderSchema,
  signInEmailSchema,
  signInMethodSchema,
  ssoProviderIdSchema,
  ssoProviderListSchema,
  startSsoResponseSchema,
  updateSsoProviderSchema,
} from '@sightline/shared/auth/sso-api';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
import { AppError } from '../../errors';
import { currentStaff } from '../../middleware/access';
import { errors, json, redirect } from '../../openapi-responses';
import { serviceDeps } from '../../service-deps';
import { validate } from '../../validation';
import { signInMethodFor } from './sign-in-method';
import { finishSsoCallback, startSsoSignIn } from './sso-flow';
import {
  createSsoProvider,
  deleteSsoProvider,
  listSsoProviders,
  updateSsoProvider,
} from './sso-provider-admin';

const tags = ['Single sign-on'];
const providerParam = z.object({ providerId: ssoProviderIdSchema });
const providers = (description: string) => json(ssoProviderListSchema, description);

/**
 * Single sign-on: the email-first step, better-auth's SSO sign-in and callback with the portal's
 * nonce, roles and audit around them, and the admins' provider settings. Mounted before the auth
 * routes, whose catch-all would otherwise hand `/api/auth/sso/*` to better-auth as is.
 */
export const ssoRoutes = new Hono<AppEnv>()
  .post(
    '/api/sign-in/method',
    describeRoute({
      tags,
      summary: 'How an email signs in: its password, or the identity provider serving its domain',
      responses: {
        200: json(signInMethodSchema, 'Password, or the provider and whether passwords are allowed'),
      },
    }),
    validate('json', signInEmailSchema),
    async (c) => c.json(await signInMethodFor(c.get('deps').db, c.req.valid('json').email), 200),
  )
  .post(
    '/api/auth/sign-in/sso',
    describeRoute({
      tags,
      summary: "Start a single sign-on: answers the identity provider's URL to open",
      responses: {
        200: json(startSsoResponseSchema, "The provider's authorization URL; the state cookie is set"),
        // 400 also when the provider cannot be reached to start; 404: no provider serves the domain.
        ...errors(404),
      },
    }),
    validate('json', signInEmailSchema),
    async (c) => startSsoSignIn(serviceDeps(c), c.req.valid('json').email, c.req.raw),
  )
  .get(
    '/api/auth/sso/callback/:providerId',
    describeRoute({
      tags,
      summary: "The identity provider's redirect back (authorization code); sets the session cookie",
      responses: {
        302: redirect(
          'Signed in (to the portal, with the session cookie) or refused (to /sign-in?sso_error=…)',
        ),
        ...errors(404),
      },
    }),
    validate('param', providerParam),
    async (c) => finishSsoCallback(serviceDeps(c), c.req.valid('param').providerId, c.req.raw),
  )
  .on(
    ['GET', 'POST'],
    '/api/auth/sso/*',
    describeRoute({
      tags,
      summary: 'Not offered (provider settings are under /api/sso)',
      responses: errors(404),
    }),
    () => {
      throw new AppError('not_found', 'Not found');
    },
  )
  .get(
    '/api/sso/providers',
    describeRoute({
      tags,
      summary: 'Single sign-on providers (never their client secrets)',
      responses: { 200: providers('The providers by id') },
    }),
    async (c) => c.json({ providers: await listSsoProviders(c.get('deps')) }, 200),
  )
  .post(
    '/api/sso/providers',
    describeRoute({
      tags,
      summary: 'Add a provider (its discovery document is read and its endpoints kept)',
      // 400 also when the discovery document cannot be read or names another issuer.
      responses: { 201: providers('Added; every provider'), ...errors(409) },
    }),
    validate('json', createSsoProviderSchema),
    async (c) => {
      await createSsoProvider(serviceDeps(c), currentStaff(c), c.req.valid('json'));
      return c.json({ providers: await listSsoProviders(c.get('deps')) }, 201);
    },
  )
  .put(
    '/api/sso/providers/:providerId',
    describeRoute({
      tags,
      summary: 'Change a provider (a blank client secret keeps the stored one)',
      responses: { 200: providers('Changed; every provider'), ...errors(404, 409) },
    }),
    validate('param', providerParam),
    validate('json', updateSsoProviderSchema),
    async (c) => {
      await updateSsoProvider(
        serviceDeps(c),
        currentStaff(c),
        c.req.valid('param').providerId,
        c.req.valid('json'),
      );
      return c.json({ providers: await listSsoProviders(c.get('deps')) }, 200);
    },
  )
  .delete(
    '/api/sso/providers/:providerId',
    describeRoute({
      tags,
      summary: 'Remove a provider (its people can no longer sign in through it)',
      responses: { 200: providers('Removed; the providers left'), ...errors(404) },
    }),
    validate('param', providerParam),
    async (c) => {
      await deleteSsoProvider(serviceDeps(c), currentStaff(c), c.req.valid('param').providerId);
      return c.json({ providers: await listSsoProviders(c.get('deps')) }, 200);
    },
  );
