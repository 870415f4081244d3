import type { Db } from '@sightline/db/client';
import { orgSettings } from '@sightline/db/schema/org';
import type { UpdateOrgSettingsInput } from '@sightline/shared/extension-api/staff-admin';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';
import { AppError } from '../../errors';

const visible = {
  name: orgSettings.name,
  mode: orgSettings.mode,
  failMode: orgSettings.failMode,
  emailDomains: orgSettings.emailDomains,
  pseudonymiseUsers: orgSettings.pseudonymiseUsers,
  rawEventRetentionDays: orgSettings.rawEventRetentionDays,
  proceedOnceMinutes: orgSettings.proceedOnceMinutes,
  separateApproverFromReviewer: orgSettings.separateApproverFromReviewer,
  rejectedServiceState: orgSettings.rejectedServiceState,
  policyVersion: orgSettings.policyVersion,
  updatedAt: orgSettings.updatedAt,
};

/** The org settings the extension side depends on (never the pseudonymisation secret). */
export async function getOrgSettings(db: Db) {
  const [row] = await db.select(visible).from(orgSettings).where(eq(orgSettings.id, 1));
  if (!row) throw new AppError('not_found', 'The organisation is not set up yet');
  return row;
}

/** Changes settings; every changed field is audit-logged with its old and new value. */
export async function updateOrgSettings(
  deps: { db: Db; now: Date },
  actor: Actor & { type: 'staff' },
  input: UpdateOrgSettingsInput,
) {
  return deps.db.transaction(async (tx) => {
    const [before] = await tx.select(visible).from(orgSettings).where(eq(orgSettings.id, 1)).for('update');
    if (!before) throw new AppError('not_found', 'The organisation is not set up yet');
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, value] of Object.entries(input)) {
      const old = before[key as keyof typeof before];
      if (JSON.stringify(old) !== JSON.stringify(value)) changes[key] = { from: old, to: value };
    }
    if (Object.keys(changes).length === 0) return before;
    const [after] = await tx
      .update(orgSettings)
      .set({
        ...input,
        ...(input.emailDomains ? { emailDomains: [...new Set(input.emailDomains)] } : {}),
        policyVersion: sql`${orgSettings.policyVersion} + 1`,
        updatedAt: deps.now,
      })
      .where(eq(orgSettings.id, 1))
      .returning(visible);
    await recordAudit(tx, {
      actor,
      action: 'settings.changed',
      targetType: 'org_settings',
      targetId: '1',
      details: changes,
      at: deps.now,
    });
    return after!;
  });
}
