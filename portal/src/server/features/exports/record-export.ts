import type { Db } from '@sightline/db/client';
import { recordAudit } from '../../audit/record-audit';
import type { StaffUser } from '../../context';

/**
 * Every download is an audit entry: a CSV leaves the portal, and with it the portal's access control
 * no longer applies, so "who took a copy of what, with which filters, when" is a question the trail
 * must answer for every table, not only for the audit trail itself. Recorded when the download starts
 * (before the first row), so a copy cut off half way is on the record too.
 */
export function recordExport(
  db: Db,
  user: StaffUser,
  table: string,
  details: Record<string, unknown>,
  at: Date,
): Promise<void> {
  return recordAudit(db, {
    actor: { type: 'staff', user },
    action: 'export.downloaded',
    targetType: 'export',
    targetId: table,
    details,
    at,
  });
}
