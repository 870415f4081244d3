import { assessment, decision } from '@sightline/db/schema/assessments';
import { finding } from '@sightline/db/schema/findings';
import { orgSettings } from '@sightline/db/schema/org';
import { eq } from 'drizzle-orm';
import type { TestApp } from '../../testing/test-app';
import type { Device } from './decision-test-kit';

/** The default review cadence in months per tier, stated here so a change to it shows in the tests. */
export const cadence = { critical: 3, high: 6, medium: 12, low: 24 } as const;
export const reason = 'Meets our A.10 requirements for internal drafting';

/**
 * What the decision tests read back, and how they clear the way. The app is passed as a getter
 * because it starts in `beforeAll`.
 */
export function decisionTestHelpers(app: () => TestApp) {
  async function stateOf(id: string) {
    const [row] = await app()
      .deps.db.select({ state: assessment.state })
      .from(assessment)
      .where(eq(assessment.id, id));
    return row?.state;
  }
  async function decisionsFor(id: string) {
    return app().deps.db.select().from(decision).where(eq(decision.assessmentId, id));
  }
  async function policyDoc(device: Device, etag?: string) {
    return app().client.api.ext.policy.$get(undefined, {
      headers: { ...device.auth, ...(etag ? { 'if-none-match': etag } : {}) },
    });
  }
  async function policyVersion() {
    const [row] = await app().deps.db.select({ v: orgSettings.policyVersion }).from(orgSettings);
    return row!.v;
  }
  /** Findings scoring raised on the way are settled, so a test starts from "nothing blocks". */
  async function settleFindings(assessmentId: string) {
    await app()
      .deps.db.update(finding)
      .set({ status: 'resolved' })
      .where(eq(finding.assessmentId, assessmentId));
  }
  return { stateOf, decisionsFor, policyDoc, policyVersion, settleFindings };
}
