import type { DbOrTx } from '@sightline/db/client';
import { accessRequest } from '@sightline/db/schema/usage';
import { utcDay } from '@sightline/shared/assessments/dates';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';
import { enqueueMail } from '../../mail/outbox';
import { type RequesterMailContext, requestDecidedMail } from './decision-mail';

const emailSchema = z.email();

/**
 * Closes the decided service's access requests that were still open or in assessment, in the
 * decision's transaction. Each requester is told: their browser reads the outcome from the policy
 * document; those whose browser names them by email (pseudonymisation off) also get a mail, one per
 * person however many requests they made.
 */
export async function closeRequestsForDecision(
  tx: DbOrTx,
  actor: Actor,
  now: Date,
  d: RequesterMailContext & { serviceId: string; decisionId: string },
): Promise<{ requestIds: string[]; mailIds: string[] }> {
  const open = await tx
    .select({
      id: accessRequest.id,
      status: accessRequest.status,
      userLabel: accessRequest.userLabel,
      createdAt: accessRequest.createdAt,
    })
    .from(accessRequest)
    .where(
      and(eq(accessRequest.serviceId, d.serviceId), inArray(accessRequest.status, ['open', 'in_assessment'])),
    )
    .orderBy(accessRequest.createdAt)
    .for('update');
  if (open.length === 0) return { requestIds: [], mailIds: [] };
  const status = d.outcome === 'reject' ? ('rejected' as const) : ('approved' as const);
  const requestIds = open.map((r) => r.id);
  await tx
    .update(accessRequest)
    .set({ status, decisionId: d.decisionId, outcomeNote: d.reason, closedAt: now, updatedAt: now })
    .where(inArray(accessRequest.id, requestIds));
  for (const r of open) {
    await recordAudit(tx, {
      actor,
      action: 'access_request.closed',
      targetType: 'access_request',
      targetId: r.id,
      details: { serviceId: d.serviceId, from: r.status, to: status, decisionId: d.decisionId },
      at: now,
    });
  }
  const mailIds: string[] = [];
  const mailed = new Set<string>();
  for (const r of open) {
    const address = r.userLabel?.trim().toLowerCase();
    if (!address || mailed.has(address) || !emailSchema.safeParse(address).success) continue;
    mailed.add(address);
    mailIds.push(
      await enqueueMail(tx, requestDecidedMail(d, address, { id: r.id, requestedOn: utcDay(r.createdAt) })),
    );
  }
  return { requestIds, mailIds };
}
