import { emailOutbox } from '@sightline/db/schema/mail';
import { desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit';
import type { AppEnv } from '../../context';
import { AppError } from '../../errors';
import { access, currentStaff } from '../../middleware/access';
import { validate } from '../../validation';

const tags = ['Mail outbox'];

export const outboxRoutes = new Hono<AppEnv>()
  .get(
    '/api/outbox',
    describeRoute({
      tags,
      summary: 'Outgoing mail with its delivery state (held mails show their text to copy the link)',
    }),
    access('admin', 'procurement'),
    async (c) => {
      const { db, mailer } = c.get('deps');
      const mails = await db.select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt)).limit(200);
      return c.json({ smtpConfigured: mailer.configured, mails }, 200);
    },
  )
  .post(
    '/api/outbox/:id/retry',
    describeRoute({ tags, summary: 'Queue a failed or held mail for another delivery attempt' }),
    access('admin', 'procurement'),
    validate('param', z.object({ id: z.uuid() })),
    async (c) => {
      const { db, now } = c.get('deps');
      const id = c.req.valid('param').id;
      await db.transaction(async (tx) => {
        const rows = await tx
          .update(emailOutbox)
          .set({ status: 'pending', attempts: 0, nextAttemptAt: now() })
          .where(eq(emailOutbox.id, id))
          .returning({ status: emailOutbox.status });
        if (rows.length === 0) throw new AppError('not_found', 'No mail with this id');
        await recordAudit(tx, {
          actor: { type: 'staff', user: currentStaff(c) },
          action: 'mail.retry',
          targetType: 'email',
          targetId: id,
        });
      });
      return c.json({ ok: true }, 200);
    },
  );
