import { assessmentToken } from '@sightline/db/schema/assessments';
import { vendorEditableStates } from '@sightline/shared/assessments/assessment-transitions';
import { and, count, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { enqueueMail } from '../../mail/outbox';
import type { AssessmentDeps } from '../assessments/assessment-deps';
import { colleagueMail } from '../assessments/assessment-mail';
import { lockAssessment } from '../assessments/assessment-records';
import { mailContextFor } from '../assessments/mail-context';
import { issueToken, linkHolderName, vendorMailLink } from '../assessments/tokens';
import type { VendorCaller } from './vendor-access';

const MAX_COLLEAGUES = 10;

/** A second link for a colleague of the respondent; it works beside the respondent's own. */
export async function inviteColleague(
  deps: AssessmentDeps,
  caller: VendorCaller,
  input: { name: string; email: string },
) {
  const { now } = deps;
  return deps.db.transaction(async (tx) => {
    const row = await lockAssessment(tx, caller.assessmentId);
    if (!vendorEditableStates.includes(row.state)) {
      throw new AppError('conflict', 'Colleagues can be invited while the questionnaire is open for answers');
    }
    const [active] = await tx
      .select({ n: count() })
      .from(assessmentToken)
      .where(
        and(
          eq(assessmentToken.assessmentId, row.id),
          eq(assessmentToken.kind, 'colleague'),
          isNull(assessmentToken.revokedAt),
        ),
      );
    if ((active?.n ?? 0) >= MAX_COLLEAGUES) {
      throw new AppError('conflict', `At most ${MAX_COLLEAGUES} colleagues can be invited`);
    }
    const [inviter] = await tx.select().from(assessmentToken).where(eq(assessmentToken.id, caller.tokenId));
    const issued = await issueToken(tx, {
      assessmentId: row.id,
      kind: 'colleague',
      name: input.name,
      email: input.email,
      now,
    });
    const ctx = await mailContextFor(tx, row, deps.env.MAIL_FROM);
    const invitedBy = inviter ? linkHolderName(inviter) : row.respondentName;
    const mailId = await enqueueMail(
      tx,
      colleagueMail(ctx, input, invitedBy, vendorMailLink(deps.env.PUBLIC_URL, issued)),
    );
    await recordAudit(tx, {
      actor: { type: 'vendor', ...caller },
      action: 'assessment.colleague_invited',
      targetType: 'assessment',
      targetId: row.id,
      details: { tokenId: issued.tokenId, email: input.email, invitedByTokenId: caller.tokenId, mailId },
      at: now,
    });
    return { invited: input.email };
  });
}
