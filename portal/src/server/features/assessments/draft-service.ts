import { assessment, questionnaireTemplate } from '@sightline/db/schema/assessments';
import type { UpdateDraftInput } from '@sightline/shared/assessments/assessment-api';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';
import { AppError } from '../../errors';
import type { AssessmentDeps } from './assessment-deps';
import { checkDueDate, lockAssessment } from './assessment-records';

/** Until it is sent, a draft's respondent, template and due date can change freely. */
export async function updateDraft(deps: AssessmentDeps, actor: Actor, id: string, input: UpdateDraftInput) {
  const { now } = deps;
  return deps.db.transaction(async (tx) => {
    const row = await lockAssessment(tx, id);
    if (row.state !== 'draft') {
      throw new AppError(
        'conflict',
        'Only a draft can be edited; a sent questionnaire can be resent instead',
      );
    }
    if (input.dueOn) checkDueDate(input.dueOn, now);
    if (input.templateId) {
      const [template] = await tx
        .select({ id: questionnaireTemplate.id })
        .from(questionnaireTemplate)
        .where(eq(questionnaireTemplate.id, input.templateId));
      if (!template) throw new AppError('not_found', 'No template with this id');
    }
    await tx
      .update(assessment)
      .set({ ...input, updatedAt: now })
      .where(eq(assessment.id, id));
    await recordAudit(tx, {
      actor,
      action: 'assessment.draft_updated',
      targetType: 'assessment',
      targetId: id,
      details: { fields: Object.keys(input).sort(), ...input },
      at: now,
    });
    return { id, state: row.state };
  });
}
