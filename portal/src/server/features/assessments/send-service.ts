import type { DbOrTx } from '@sightline/db/client';
import { assessment } from '@sightline/db/schema/assessments';
import { accessRequest } from '@sightline/db/schema/usage';
import { awaitingVendorStates, stateLabels } from '@sightline/shared/assessments/assessment-transitions';
import type { SendResult } from '@sightline/shared/assessments/assessment-views';
import { utcDay } from '@sightline/shared/assessments/dates';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';
import { AppError } from '../../errors';
import { enqueueMail } from '../../mail/outbox';
import { loadTemplate } from '../templates/templates-service';
import type { AssessmentDeps } from './assessment-deps';
import { invitationMail } from './assessment-mail';
import {
  type AssessmentRow,
  applyTransition,
  checkDueDate,
  expiryFor,
  lockAssessment,
} from './assessment-records';
import { mailContextFor } from './mail-context';
import { initialStamps } from './reminder-plan';
import { issueToken, revokeTokens, vendorMailLink } from './tokens';

/** With no SMTP the sender gets the link once, to pass on by hand; otherwise only the mail has it. */

/**
 * Sends a draft: snapshots the template's questions (editing the template later never changes what
 * was asked), issues the link, and queues the mail, all in one transaction.
 */
export async function sendAssessment(deps: AssessmentDeps, actor: Actor, id: string): Promise<SendResult> {
  const { now } = deps;
  return deps.db.transaction(async (tx) => {
    const row = await lockAssessment(tx, id);
    if (row.state !== 'draft') {
      throw new AppError(
        'conflict',
        `This assessment is already ${stateLabels[row.state].toLowerCase()}; use resend`,
      );
    }
    checkDueDate(row.dueOn, now);
    const { template } = await loadTemplate(tx, row.templateId);
    const sent = await applyTransition(tx, row, 'send', actor, now, {
      set: {
        questionsSnapshot: template,
        sentAt: now,
        expiresAt: await expiryFor(tx, row.dueOn),
        ...initialStamps(row.dueOn, utcDay(now), now),
      },
      details: {
        to: row.respondentEmail,
        dueOn: row.dueOn,
        template: { key: template.key, version: template.version },
      },
    });
    return mailLink(deps, tx, sent, actor, now, 'assessment.link_issued');
  });
}

/**
 * Re-issues the respondent's link (the old one stops working). An expired assessment reopens with
 * a new due date; an open one may get a new due date, or a new respondent, at the same time.
 */
export async function resendAssessment(
  deps: AssessmentDeps,
  actor: Actor,
  id: string,
  input: {
    dueOn?: string | undefined;
    respondentName?: string | undefined;
    respondentEmail?: string | undefined;
  },
): Promise<SendResult> {
  const { now } = deps;
  return deps.db.transaction(async (tx) => {
    let row = await lockAssessment(tx, id);
    if (input.dueOn) checkDueDate(input.dueOn, now);
    const reschedule = input.dueOn
      ? {
          dueOn: input.dueOn,
          expiresAt: await expiryFor(tx, input.dueOn),
          ...initialStamps(input.dueOn, utcDay(now), now),
        }
      : undefined;
    const respondent = {
      ...(input.respondentName ? { respondentName: input.respondentName } : {}),
      ...(input.respondentEmail ? { respondentEmail: input.respondentEmail } : {}),
    };
    const changes =
      reschedule || Object.keys(respondent).length > 0 ? { ...reschedule, ...respondent } : undefined;
    if (row.state === 'expired') {
      if (!input.dueOn)
        throw new AppError('bad_request', 'This assessment expired: give a new due date to reopen it');
      row = await applyTransition(tx, row, 'send', actor, now, {
        set: { ...changes, sentAt: now },
        details: { reopened: true, dueOn: input.dueOn },
      });
    } else if (awaitingVendorStates.includes(row.state)) {
      if (changes) {
        [row] = (await tx
          .update(assessment)
          .set({ ...changes, updatedAt: now })
          .where(eq(assessment.id, id))
          .returning()) as [AssessmentRow];
      }
    } else {
      throw new AppError(
        'conflict',
        `A ${stateLabels[row.state].toLowerCase()} assessment has no link to resend`,
      );
    }
    return mailLink(deps, tx, row, actor, now, 'assessment.resent');
  });
}

async function mailLink(
  deps: AssessmentDeps,
  tx: DbOrTx,
  row: AssessmentRow,
  actor: Actor,
  now: Date,
  action: string,
): Promise<SendResult> {
  const issued = await issueToken(tx, {
    assessmentId: row.id,
    kind: 'primary',
    name: row.respondentName,
    email: row.respondentEmail,
    now,
  });
  const link = vendorMailLink(deps.env.PUBLIC_URL, issued);
  const ctx = await mailContextFor(tx, row, deps.env.MAIL_FROM);
  const mailId = await enqueueMail(
    tx,
    invitationMail(ctx, { name: row.respondentName, email: row.respondentEmail }, link),
  );
  // The audit names the token by id only: the token itself is never written anywhere but the mail.
  await recordAudit(tx, {
    actor,
    action,
    targetType: 'assessment',
    targetId: row.id,
    details: {
      tokenId: issued.tokenId,
      supersededTokenIds: issued.supersededIds,
      to: row.respondentEmail,
      dueOn: row.dueOn,
      mailId,
    },
    at: now,
  });
  const result: SendResult = { id: row.id, state: row.state, mailed: deps.mailer.configured };
  if (!deps.mailer.configured) result.link = link.url;
  return result;
}

export async function revokeAssessment(
  deps: AssessmentDeps,
  actor: Actor,
  id: string,
  input: { reason?: string | undefined },
) {
  const { now } = deps;
  return deps.db.transaction(async (tx) => {
    const row = await lockAssessment(tx, id);
    const revokedTokens = await revokeTokens(tx, id, now);
    const updated = await applyTransition(tx, row, 'revoke', actor, now, {
      details: { reason: input.reason ?? null, revokedTokens },
    });
    // The employee's request goes back to the queue, so a new assessment can pick it up.
    await tx
      .update(accessRequest)
      .set({ status: 'open', assessmentId: null, updatedAt: now })
      .where(and(eq(accessRequest.assessmentId, id), eq(accessRequest.status, 'in_assessment')));
    return { id, state: updated.state };
  });
}
