import { okSchema } from '@sightline/shared/http/ok';
import { pageQuerySchema } from '@sightline/shared/http/paging';
import { outboxListSchema } from '@sightline/shared/mail/outbox-api';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppEnv } from '../../context';
import { currentStaff } from '../../middleware/access';
import { errors, json } from '../../openapi-responses';
import { serviceDeps } from '../../service-deps';
import { validate } from '../../validation';
import { listOutbox, retryMail } from './outbox-service';

const tags = ['Mail outbox'];

export const outboxRoutes = new Hono<AppEnv>()
  .get(
    '/api/outbox',
    describeRoute({
      tags,
      summary:
        'Outgoing mail with its delivery state, newest first, a page at a time; a held mail shows its link only to a role that could issue it',
      responses: { 200: json(outboxListSchema, 'A page of mails, newest first') },
    }),
    validate('query', z.strictObject(pageQuerySchema.shape)),
    async (c) => {
      const { db, mailer } = c.get('deps');
      const viewer = { role: currentStaff(c).role, smtpConfigured: mailer.configured };
      return c.json(await listOutbox(db, viewer, c.req.valid('query')), 200);
    },
  )
  .post(
    '/api/outbox/:id/retry',
    describeRoute({
      tags,
      summary: 'Queue a failed or held mail for another delivery attempt',
      responses: { 200: json(okSchema, 'Queued'), ...errors(404, 409) },
    }),
    validate('param', z.object({ id: z.uuid() })),
    async (c) => {
      await retryMail(serviceDeps(c), currentStaff(c), c.req.valid('param').id);
      return c.json({ ok: true }, 200);
    },
  );
