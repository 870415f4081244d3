import {
  acceptInvitationSchema,
  invitationAcceptedSchema,
  invitationSentSchema,
  inviteStaffSchema,
  staffChangedSchema,
  staffListSchema,
  updateStaffSchema,
} from '@sightline/shared/auth/staff-api';
import { okSchema } from '@sightline/shared/http/ok';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
import { currentStaff, staffActor } from '../../middleware/access';
import { errors, json } from '../../openapi-responses';
import { serviceDeps } from '../../service-deps';
import { validate } from '../../validation';
import { acceptInvitation, inviteStaff, listStaff, revokeInvitation, updateStaff } from './users-service';

const tags = ['Staff'];
const idParam = z.object({ id: z.string().min(1).max(64) });
const uuidParam = z.object({ id: z.uuid() });

export const userRoutes = new Hono<AppEnv>()
  .get(
    '/api/users',
    describeRoute({
      tags,
      summary: 'Staff members and open invitations',
      responses: { 200: json(staffListSchema, 'Staff and invitations') },
    }),
    async (c) => c.json(await listStaff(c.get('deps').db), 200),
  )
  .post(
    '/api/users/invitations',
    describeRoute({
      tags,
      summary: 'Invite a staff member (mails a link; returns it once only when no SMTP is configured)',
      responses: { 201: json(invitationSentSchema, 'Invited'), ...errors(409) },
    }),
    validate('json', inviteStaffSchema),
    async (c) => {
      return c.json(await inviteStaff(serviceDeps(c), currentStaff(c), c.req.valid('json')), 201);
    },
  )
  .delete(
    '/api/users/invitations/:id',
    describeRoute({
      tags,
      summary: 'Revoke an open invitation',
      responses: { 200: json(okSchema, 'Revoked'), ...errors(404) },
    }),
    validate('param', uuidParam),
    async (c) => {
      await revokeInvitation(serviceDeps(c), currentStaff(c), c.req.valid('param').id);
      return c.json({ ok: true }, 200);
    },
  )
  .patch(
    '/api/users/:id',
    describeRoute({
      tags,
      summary: "Change a staff member's role, or disable them",
      responses: { 200: json(staffChangedSchema, 'Changed'), ...errors(404, 409) },
    }),
    validate('param', idParam),
    validate('json', updateStaffSchema),
    async (c) => {
      const updated = await updateStaff(
        c.get('deps').db,
        staffActor(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json({ id: updated.id, role: updated.role, disabled: updated.disabled }, 200);
    },
  )
  .post(
    '/api/invitations/accept',
    describeRoute({
      tags,
      summary: 'Accept an invitation and choose a password',
      responses: {
        201: json(invitationAcceptedSchema, 'Account created; sign in next'),
        ...errors(404, 409),
      },
    }),
    validate('json', acceptInvitationSchema),
    async (c) => {
      const { db, auth, now } = serviceDeps(c);
      const { token, password } = c.req.valid('json');
      return c.json(await acceptInvitation({ db, auth, now }, token, password), 201);
    },
  );
