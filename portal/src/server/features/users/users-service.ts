import type { Db } from '@sightline/db/client';
import { session, staffInvitation, user } from '@sightline/db/schema/auth';
import type { StaffRole } from '@sightline/shared/auth/roles';
import type { InviteStaffInput } from '@sightline/shared/auth/staff-api';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { type Auth, createStaffUser } from '../../auth/auth';
import { passwordProblem } from '../../auth/password-policy';
import type { Actor, ServiceDeps, StaffUser } from '../../context';
import { AppError } from '../../errors';
import { enqueueMail, withdrawMailLinks } from '../../mail/outbox';
import { LINK_PLACEHOLDER } from '../../mail/secret-link';
import { newSecretToken, sha256Hex } from '../../secret-token';
import { anotherActiveAdmin } from './active-admins';

const INVITATION_DAYS = 7;

export async function listStaff(db: Db) {
  const users = await db
    .select({
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      disabled: user.disabled,
      createdAt: user.createdAt,
    })
    .from(user)
    .orderBy(user.email);
  const invitations = await db
    .select({
      id: staffInvitation.id,
      email: staffInvitation.email,
      name: staffInvitation.name,
      role: staffInvitation.role,
      createdAt: staffInvitation.createdAt,
      expiresAt: staffInvitation.expiresAt,
    })
    .from(staffInvitation)
    .where(and(isNull(staffInvitation.acceptedAt), isNull(staffInvitation.revokedAt)))
    .orderBy(desc(staffInvitation.createdAt));
  return { users, invitations };
}

/**
 * Invites a staff member: the link is mailed, and only its hash is kept. Without SMTP the admin gets
 * it once here to hand over, and it waits in the outbox (for admins only) until the mail is sent.
 */
export async function inviteStaff(
  deps: Pick<ServiceDeps, 'db' | 'env' | 'mailer' | 'now'>,
  admin: StaffUser,
  input: InviteStaffInput,
): Promise<{ invitationId: string; mailed: boolean; link?: string }> {
  const [existing] = await deps.db.select({ id: user.id }).from(user).where(eq(user.email, input.email));
  if (existing) throw new AppError('conflict', 'A staff member with this email already exists');
  const token = newSecretToken();
  const link = `${deps.env.PUBLIC_URL}/accept-invitation#${token}`;
  return deps.db.transaction(async (tx) => {
    const replaced = await tx
      .update(staffInvitation)
      .set({ revokedAt: deps.now })
      .where(
        and(
          eq(staffInvitation.email, input.email),
          isNull(staffInvitation.acceptedAt),
          isNull(staffInvitation.revokedAt),
        ),
      )
      .returning({ id: staffInvitation.id });
    await withdrawMailLinks(
      tx,
      replaced.map((r) => r.id),
    );
    const [row] = await tx
      .insert(staffInvitation)
      .values({
        email: input.email,
        name: input.name,
        role: input.role,
        tokenHash: sha256Hex(token),
        invitedBy: admin.id,
        expiresAt: new Date(deps.now.getTime() + INVITATION_DAYS * 86_400_000),
      })
      .returning({ id: staffInvitation.id });
    await enqueueMail(tx, {
      to: input.email,
      subject: 'You are invited to Sightline',
      text: `${admin.name} invited you to Sightline as ${input.role}.\n\nChoose your password here (the link works for ${INVITATION_DAYS} days):\n${LINK_PLACEHOLDER}\n`,
      link: { url: link, kind: 'staff_invitation', tokenId: row!.id },
      purpose: 'staff.invite',
      relatedType: 'staff_invitation',
      relatedId: row!.id,
    });
    await recordAudit(tx, {
      actor: { type: 'staff', user: admin },
      action: 'staff.invited',
      targetType: 'staff_invitation',
      targetId: row!.id,
      details: { email: input.email, role: input.role },
      at: deps.now,
    });
    return deps.mailer.configured
      ? { invitationId: row!.id, mailed: true }
      : { invitationId: row!.id, mailed: false, link };
  });
}

export async function revokeInvitation(
  deps: Pick<ServiceDeps, 'db' | 'now'>,
  admin: StaffUser,
  invitationId: string,
): Promise<void> {
  const { db, now } = deps;
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(staffInvitation)
      .set({ revokedAt: now })
      .where(
        and(
          eq(staffInvitation.id, invitationId),
          isNull(staffInvitation.acceptedAt),
          isNull(staffInvitation.revokedAt),
        ),
      )
      .returning({ email: staffInvitation.email });
    if (rows.length === 0) throw new AppError('not_found', 'No open invitation with this id');
    await withdrawMailLinks(tx, [invitationId]);
    await recordAudit(tx, {
      actor: { type: 'staff', user: admin },
      action: 'staff.invitation_revoked',
      targetType: 'staff_invitation',
      targetId: invitationId,
      details: { email: rows[0]!.email },
    });
  });
}

/** Turns a valid invitation into a staff account with the chosen password, if it is not easy to guess. */
export async function acceptInvitation(
  deps: { db: Db; auth: Auth; now: Date },
  token: string,
  password: string,
) {
  const [invite] = await deps.db
    .select()
    .from(staffInvitation)
    .where(
      and(
        eq(staffInvitation.tokenHash, sha256Hex(token)),
        isNull(staffInvitation.acceptedAt),
        isNull(staffInvitation.revokedAt),
        gt(staffInvitation.expiresAt, deps.now),
      ),
    );
  if (!invite)
    throw new AppError(
      'not_found',
      'This invitation link is not valid. Ask your administrator for a new one.',
    );
  const problem = passwordProblem(password, invite.email);
  if (problem) throw new AppError('bad_request', problem);
  const [existing] = await deps.db.select({ id: user.id }).from(user).where(eq(user.email, invite.email));
  if (existing) throw new AppError('conflict', 'A staff member with this email already exists');
  const created = await createStaffUser(deps.auth, {
    email: invite.email,
    name: invite.name,
    role: invite.role,
    password,
  });
  await deps.db.transaction(async (tx) => {
    await tx.update(staffInvitation).set({ acceptedAt: deps.now }).where(eq(staffInvitation.id, invite.id));
    // Used: a copy still waiting in the outbox is no longer needed by anyone.
    await withdrawMailLinks(tx, [invite.id]);
    await recordAudit(tx, {
      actor: { type: 'anonymous' },
      action: 'staff.invitation_accepted',
      targetType: 'user',
      targetId: created.id,
      details: { email: invite.email, role: invite.role },
    });
  });
  return { email: invite.email };
}

/** Changes a staff member's role or disables them. The last active admin cannot be removed. */
export async function updateStaff(
  db: Db,
  actor: Actor & { type: 'staff' },
  userId: string,
  change: { role?: StaffRole | undefined; disabled?: boolean | undefined },
) {
  return db.transaction(async (tx) => {
    const [target] = await tx.select().from(user).where(eq(user.id, userId)).for('update');
    if (!target) throw new AppError('not_found', 'No staff member with this id');
    const losesAdmin =
      target.role === 'admin' &&
      !target.disabled &&
      ((change.role && change.role !== 'admin') || change.disabled === true);
    if (losesAdmin && !(await anotherActiveAdmin(tx, userId)))
      throw new AppError('conflict', 'Keep at least one active admin');
    const [updated] = await tx
      .update(user)
      .set({
        ...(change.role ? { role: change.role } : {}),
        ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
        updatedAt: new Date(),
      })
      .where(eq(user.id, userId))
      .returning();
    if (change.disabled) await tx.delete(session).where(eq(session.userId, userId));
    if (change.role && change.role !== target.role) {
      await recordAudit(tx, {
        actor,
        action: 'staff.role_changed',
        targetType: 'user',
        targetId: userId,
        details: { email: target.email, from: target.role, to: change.role },
      });
    }
    if (change.disabled !== undefined && change.disabled !== target.disabled) {
      await recordAudit(tx, {
        actor,
        action: change.disabled ? 'staff.disabled' : 'staff.enabled',
        targetType: 'user',
        targetId: userId,
        details: { email: target.email },
      });
    }
    return updated!;
  });
}
