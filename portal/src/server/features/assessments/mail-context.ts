import type { DbOrTx } from '@sightline/db/client';
import { questionnaireTemplate } from '@sightline/db/schema/assessments';
import { eq } from 'drizzle-orm';
import type { MailContext } from './assessment-mail';
import {
  type AssessmentRow,
  mailFromAddress,
  organisationName,
  senderOf,
  vendorNameOf,
} from './assessment-records';

export async function mailContextFor(tx: DbOrTx, row: AssessmentRow, mailFrom: string): Promise<MailContext> {
  const [template] = await tx
    .select({ title: questionnaireTemplate.title })
    .from(questionnaireTemplate)
    .where(eq(questionnaireTemplate.id, row.templateId));
  return {
    assessmentId: row.id,
    organisation: await organisationName(tx),
    vendorName: await vendorNameOf(tx, row.vendorId),
    templateTitle: template?.title ?? 'AI supplier questionnaire',
    dueOn: row.dueOn,
    sender: await senderOf(tx, row, mailFromAddress(mailFrom)),
    cycle: row.cycle,
  };
}
