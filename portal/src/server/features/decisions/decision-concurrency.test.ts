import { finding } from '@sightline/db/schema/findings';
import { orgSettings } from '@sightline/db/schema/org';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../audit/record-audit';
import type { TestApp } from '../../testing/test-app';
import { assessmentTestApp } from '../assessments/assessment-test-kit';
import { assessmentUnderReview, postDecision } from './decision-test-kit';

let t: TestApp;
beforeAll(async () => {
  t = await assessmentTestApp();
});
afterAll(() => t?.close());

/** Sessions of this database waiting for a row lock (PostgreSQL server only). */
async function waitingForLocks(): Promise<number> {
  const rows = await t.deps.db.execute<{ n: number }>(
    sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
  );
  return Number((rows as unknown as { n: number }[])[0]?.n ?? 0);
}

// Writers lock their rows and then take the audit trail's lock. A decision that took the audit lock
// first and one of those rows after would deadlock with such a writer, and PostgreSQL would abort one.
describe.skipIf(!process.env.DATABASE_URL)('a decision next to a writer holding a row it needs', () => {
  it('waits for the writer instead of deadlocking with it', async () => {
    const { id } = await assessmentUnderReview(t, { serviceId: 'alibaba-qwen' });
    await t.deps.db.update(finding).set({ status: 'resolved' }).where(eq(finding.assessmentId, id));
    await t.signInAs('approver');
    let locked!: () => void;
    const settingsLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    let decisionStatus = 0;
    // A settings change: the settings row first, the audit entry once the decision is waiting.
    const writer = t.deps.db.transaction(async (tx) => {
      await tx.select().from(orgSettings).where(eq(orgSettings.id, 1)).for('update');
      locked();
      await expect.poll(waitingForLocks, { timeout: 20_000 }).toBeGreaterThan(0);
      await recordAudit(tx, {
        actor: { type: 'system' },
        action: 'settings.changed',
        targetType: 'org_settings',
      });
      await tx.update(orgSettings).set({ proceedOnceMinutes: 45 }).where(eq(orgSettings.id, 1));
    });
    await settingsLocked;
    const decision = postDecision(t, id, { outcome: 'approve', reason: 'Meets our requirements' }).then(
      (res) => {
        decisionStatus = res.status;
      },
    );
    const [writerResult] = await Promise.allSettled([writer, decision]);
    expect(writerResult.status === 'rejected' ? String(writerResult.reason) : 'fulfilled').toBe('fulfilled');
    expect(decisionStatus).toBe(201);
  });
});
