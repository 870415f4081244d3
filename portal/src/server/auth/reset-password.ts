import { randomBytes } from 'node:crypto';
import type { Db } from '@sightline/db/client';
import { account, session, user } from '@sightline/db/schema/auth';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Auth } from './auth';

/**
 * Gives a staff member a new random one-time password and ends their sessions: the way back in when
 * the printed first-admin password is lost. Run from the server's shell, so it is an operator action.
 * The operator has seen the password, so the staff member must replace it at their next sign-in.
 */
export async function resetStaffPassword(db: Db, auth: Auth, email: string): Promise<string | null> {
  const [found] = await db.select({ id: user.id }).from(user).where(eq(user.email, email.toLowerCase()));
  if (!found) return null;
  const password = randomBytes(18).toString('base64url');
  const hash = await (await auth.$context).password.hash(password);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(account)
      .set({ password: hash, updatedAt: new Date() })
      .where(and(eq(account.userId, found.id), eq(account.providerId, 'credential')))
      .returning({ id: account.id });
    if (updated.length === 0) {
      await tx.insert(account).values({
        id: crypto.randomUUID(),
        accountId: found.id,
        providerId: 'credential',
        userId: found.id,
        password: hash,
      });
    }
    await tx
      .update(user)
      .set({ passwordChangeRequired: true, updatedAt: new Date() })
      .where(eq(user.id, found.id));
    await tx.delete(session).where(eq(session.userId, found.id));
    await recordAudit(tx, {
      actor: { type: 'system' },
      action: 'staff.password_reset_by_operator',
      targetType: 'user',
      targetId: found.id,
      details: { email },
    });
  });
  return password;
}
