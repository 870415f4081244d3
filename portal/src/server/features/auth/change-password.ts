import type { Db } from '@sightline/db/client';
import { user } from '@sightline/db/schema/auth';
import type { ChangePasswordInput } from '@sightline/shared/auth/staff-api';
import { isAPIError } from 'better-auth/api';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Auth } from '../../auth/auth';
import { passwordProblem } from '../../auth/password-policy';
import type { StaffUser } from '../../context';
import { AppError } from '../../errors';

/**
 * Changes the caller's own password through better-auth (which checks the current one) and always
 * ends their other sessions: whoever else may know the old password is signed out, whatever the
 * client asked. A one-time password, once replaced, no longer blocks the API. Returns the headers that
 * set the cookie of the caller's new session (better-auth ends the current one too and opens a new one).
 */
export async function changeOwnPassword(
  deps: { db: Db; auth: Auth },
  staff: StaffUser,
  input: ChangePasswordInput,
  requestHeaders: Headers,
): Promise<Headers> {
  if (input.newPassword === input.currentPassword)
    throw new AppError('bad_request', 'Choose a new password that differs from your current one.');
  const problem = passwordProblem(input.newPassword, staff.email);
  if (problem) throw new AppError('bad_request', problem);
  let headers: Headers;
  try {
    ({ headers } = await deps.auth.api.changePassword({
      body: {
        currentPassword: input.currentPassword,
        newPassword: input.newPassword,
        revokeOtherSessions: true,
      },
      headers: requestHeaders,
      returnHeaders: true,
    }));
  } catch (err) {
    if (isAPIError(err) && err.body?.code === 'INVALID_PASSWORD')
      throw new AppError('bad_request', 'Your current password is not right.');
    throw err;
  }
  await deps.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ oneTime: user.passwordChangeRequired })
      .from(user)
      .where(eq(user.id, staff.id))
      .for('update');
    await tx
      .update(user)
      .set({ passwordChangeRequired: false, updatedAt: new Date() })
      .where(eq(user.id, staff.id));
    await recordAudit(tx, {
      actor: { type: 'staff', user: staff },
      action: 'auth.password_changed',
      targetType: 'user',
      targetId: staff.id,
      details: { oneTimePasswordReplaced: before?.oneTime ?? false, otherSessionsEnded: true },
    });
  });
  return headers;
}
