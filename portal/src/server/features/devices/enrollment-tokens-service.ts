import type { Db } from '@sightline/db/client';
import { enrollmentToken } from '@sightline/db/schema/devices';
import type { CreateEnrollmentTokenInput } from '@sightline/shared/extension-api/staff-admin';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';
import { AppError } from '../../errors';
import { newSecretToken, sha256Hex } from '../../secret-token';

export async function listEnrollmentTokens(db: Db) {
  return db
    .select({
      id: enrollmentToken.id,
      label: enrollmentToken.label,
      prefix: enrollmentToken.prefix,
      createdAt: enrollmentToken.createdAt,
      expiresAt: enrollmentToken.expiresAt,
      revokedAt: enrollmentToken.revokedAt,
      enrolledCount: enrollmentToken.enrolledCount,
    })
    .from(enrollmentToken)
    .orderBy(desc(enrollmentToken.createdAt));
}

/** Creates a token for the managed policy. The value is returned once; only its hash is stored. */
export async function createEnrollmentToken(
  deps: { db: Db; now: Date },
  actor: Actor & { type: 'staff' },
  input: CreateEnrollmentTokenInput,
) {
  const token = newSecretToken();
  const prefix = token.slice(0, 6);
  const expiresAt = input.expiresInDays
    ? new Date(deps.now.getTime() + input.expiresInDays * 86_400_000)
    : null;
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(enrollmentToken)
      .values({
        label: input.label,
        tokenHash: sha256Hex(token),
        prefix,
        createdBy: actor.user.id,
        createdAt: deps.now,
        expiresAt,
      })
      .returning({ id: enrollmentToken.id });
    await recordAudit(tx, {
      actor,
      action: 'enrollment_token.created',
      targetType: 'enrollment_token',
      targetId: row!.id,
      details: { label: input.label, prefix, expiresAt: expiresAt?.toISOString() ?? null },
      at: deps.now,
    });
    return { id: row!.id, label: input.label, prefix, expiresAt, token };
  });
}

export async function revokeEnrollmentToken(
  deps: { db: Db; now: Date },
  actor: Actor & { type: 'staff' },
  id: string,
) {
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(enrollmentToken)
      .set({ revokedAt: deps.now })
      .where(and(eq(enrollmentToken.id, id), isNull(enrollmentToken.revokedAt)))
      .returning({ label: enrollmentToken.label, prefix: enrollmentToken.prefix });
    if (rows.length === 0) throw new AppError('not_found', 'No active enrollment token with this id');
    await recordAudit(tx, {
      actor,
      action: 'enrollment_token.revoked',
      targetType: 'enrollment_token',
      targetId: id,
      details: { label: rows[0]!.label, prefix: rows[0]!.prefix },
      at: deps.now,
    });
    return { id, revokedAt: deps.now };
  });
}
