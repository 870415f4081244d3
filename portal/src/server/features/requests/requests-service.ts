import type { Db } from '@sightline/db/client';
import { accessRequest } from '@sightline/db/schema/usage';
import type {
  AccessRequestCreated,
  AccessRequestInput,
} from '@sightline/shared/extension-api/access-requests';
import type { AccessRequestStatus } from '@sightline/shared/usage/event-kinds';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';
import { AppError } from '../../errors';
import type { AuthedDevice } from '../extension-api/device-auth';

/** Creates an employee's access request; a retry with the same client id returns the first one. */
export async function createAccessRequest(
  deps: { db: Db; now: Date },
  dev: AuthedDevice,
  input: AccessRequestInput,
): Promise<AccessRequestCreated> {
  return deps.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(accessRequest)
      .values({
        deviceId: dev.id,
        clientRequestId: input.clientRequestId,
        serviceId: input.serviceId,
        userKey: dev.userKey,
        userLabel: dev.userLabel,
        justification: input.justification,
        intendedUse: input.intendedUse,
        dataCategories: [...new Set(input.dataCategories)],
        createdAt: deps.now,
        updatedAt: deps.now,
      })
      .onConflictDoNothing({ target: [accessRequest.deviceId, accessRequest.clientRequestId] })
      .returning({ id: accessRequest.id, status: accessRequest.status });
    if (created) {
      await recordAudit(tx, {
        actor: { type: 'device', deviceId: dev.id },
        action: 'access_request.created',
        targetType: 'access_request',
        targetId: created.id,
        details: { serviceId: input.serviceId, dataCategories: input.dataCategories },
        at: deps.now,
      });
      return { requestId: created.id, status: created.status, created: true };
    }
    const [existing] = await tx
      .select({ id: accessRequest.id, status: accessRequest.status, serviceId: accessRequest.serviceId })
      .from(accessRequest)
      .where(
        and(eq(accessRequest.deviceId, dev.id), eq(accessRequest.clientRequestId, input.clientRequestId)),
      );
    if (!existing || existing.serviceId !== input.serviceId)
      throw new AppError('conflict', 'This request id was already used for another service');
    return { requestId: existing.id, status: existing.status, created: false };
  });
}

export async function setAccessRequestStatus(
  deps: { db: Db; now: Date },
  actor: Actor,
  id: string,
  status: AccessRequestStatus,
): Promise<{ id: string; status: AccessRequestStatus }> {
  return deps.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ status: accessRequest.status, serviceId: accessRequest.serviceId })
      .from(accessRequest)
      .where(eq(accessRequest.id, id))
      .for('update');
    if (!before) throw new AppError('not_found', 'No access request with this id');
    if (before.status === status) return { id, status };
    await tx.update(accessRequest).set({ status, updatedAt: deps.now }).where(eq(accessRequest.id, id));
    await recordAudit(tx, {
      actor,
      action: 'access_request.status_changed',
      targetType: 'access_request',
      targetId: id,
      details: { serviceId: before.serviceId, from: before.status, to: status },
      at: deps.now,
    });
    return { id, status };
  });
}
