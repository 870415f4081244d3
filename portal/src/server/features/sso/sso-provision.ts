import type { Db } from '@sightline/db/client';
import { user } from '@sightline/db/schema/auth';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { setDepartments } from '../directory/set-departments';
import { anotherActiveAdmin } from '../users/active-admins';
import { currentSsoAttempt } from './sso-attempt';

/**
 * Applies resolveUser's decision once better-auth has the user row (created just now for a first
 * sign-in, the just-in-time provisioning): the role the groups give, the department (and manager)
 * the ID token names, and the audit entries for the provisioning, a role change and the sign-in, in one
 * transaction. It runs before the session cookie is sent, so the person's first page already has the
 * new role.
 */
export async function provisionSsoUser(db: Db, userId: string, now: Date): Promise<void> {
  const attempt = currentSsoAttempt();
  const decision = attempt?.decision;
  if (!attempt || !decision) throw new Error('SSO sign-in finished without a decision');
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ id: user.id, email: user.email, name: user.name, role: user.role, disabled: user.disabled })
      .from(user)
      .where(eq(user.id, userId))
      .for('update');
    if (!before) throw new Error('SSO user vanished during sign-in');
    const provider = attempt.providerId;
    const system = { type: 'system' } as const;
    // Groups never take the admin role from the last active admin: nobody could then manage
    // Sightline (providers, roles, settings) to put it right. They keep it until there is another.
    const losesAdmin = before.role === 'admin' && decision.role !== 'admin' && !before.disabled;
    const keepsAdmin = losesAdmin && !(await anotherActiveAdmin(tx, userId));
    const role = keepsAdmin ? 'admin' : decision.role;
    if (before.role !== role) await tx.update(user).set({ role, updatedAt: now }).where(eq(user.id, userId));
    if (keepsAdmin)
      await recordAudit(tx, {
        actor: system,
        action: 'staff.role_kept',
        targetType: 'user',
        targetId: userId,
        details: {
          email: before.email,
          role: 'admin',
          groupsGive: decision.role,
          group: decision.group,
          provider,
          reason: 'last active admin',
        },
      });
    if (!decision.existingUserId) {
      await recordAudit(tx, {
        actor: system,
        action: 'staff.sso_provisioned',
        targetType: 'user',
        targetId: userId,
        details: { email: before.email, role: decision.role, group: decision.group, provider },
      });
    } else if (before.role !== role) {
      await recordAudit(tx, {
        actor: system,
        action: 'staff.role_changed',
        targetType: 'user',
        targetId: userId,
        details: {
          email: before.email,
          from: before.role,
          to: role,
          group: decision.group,
          provider,
        },
      });
    }
    if (decision.department)
      await setDepartments(tx, {
        assignments: [{ email: before.email, department: decision.department, manager: decision.manager }],
        source: 'sign-in',
        keepStoredManager: true,
        now,
      });
    await recordAudit(tx, {
      actor: {
        type: 'staff',
        user: { id: userId, email: before.email, name: before.name, role },
      },
      action: 'auth.sign_in',
      targetType: 'user',
      targetId: userId,
      details: { method: 'sso', provider },
    });
  });
  attempt.signedIn = { userId };
}
