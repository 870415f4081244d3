import type { NewMail } from '../../mail/outbox';
import { LINK_PLACEHOLDER, type SecretLink } from '../../mail/secret-link';

/**
 * Plain-text mails for the assessment lifecycle; every link points at the vendor page fragment and
 * travels beside the text (the text holds its placeholder), so the outbox can drop it once sent.
 */

export type MailContext = {
  assessmentId: string;
  organisation: string;
  vendorName: string;
  templateTitle: string;
  dueOn: string;
  sender: { name: string; email: string };
  /** 2 or more on a reassessment: last cycle's answers wait on the page to be confirmed or changed. */
  cycle?: number;
};

const related = (ctx: MailContext) => ({ relatedType: 'assessment', relatedId: ctx.assessmentId });

function signOff(ctx: MailContext): string {
  return `Questions? Contact ${ctx.sender.name} <${ctx.sender.email}>.\n\n${ctx.organisation}, via Sightline\n`;
}

export function invitationMail(
  ctx: MailContext,
  to: { name: string; email: string },
  link: SecretLink,
): NewMail {
  return {
    to: to.email,
    subject: `${ctx.organisation}: AI supplier questionnaire for ${ctx.vendorName} (due ${ctx.dueOn})`,
    text: `Hello ${to.name},

${ctx.sender.name} at ${ctx.organisation} asks you to complete "${ctx.templateTitle}" for ${ctx.vendorName}.

${
  (ctx.cycle ?? 1) > 1
    ? `This is a reassessment: your answers from the last assessment are filled in. Confirm each one that is still true, or change it.

`
    : ''
}Open the questionnaire (no account needed; your answers save as you go):
${LINK_PLACEHOLDER}

Please submit it by ${ctx.dueOn}. This link is personal to you and replaces any earlier one. To involve a colleague, use "Invite a colleague" on the page rather than forwarding it.

${signOff(ctx)}`,
    purpose: 'assessment.sent',
    link,
    ...related(ctx),
  };
}

export function reminderMail(
  ctx: MailContext,
  to: { name: string; email: string },
  link: SecretLink,
  daysLeft: number,
): NewMail {
  const when = daysLeft <= 0 ? 'today' : daysLeft === 1 ? 'tomorrow' : `in ${daysLeft} days`;
  return {
    to: to.email,
    subject: `Reminder: the AI supplier questionnaire for ${ctx.vendorName} is due ${when}`,
    text: `Hello ${to.name},

A reminder from ${ctx.organisation}: "${ctx.templateTitle}" for ${ctx.vendorName} is due ${when} (${ctx.dueOn}).

Continue where you left off with this new link (earlier links no longer work):
${LINK_PLACEHOLDER}

${signOff(ctx)}`,
    purpose: `assessment.reminder`,
    link,
    ...related(ctx),
  };
}

export function changesRequestedMail(
  ctx: MailContext,
  to: { name: string; email: string },
  link: SecretLink,
  questionCount: number,
  message: string | undefined,
): NewMail {
  return {
    to: to.email,
    subject: `${ctx.organisation} asks for changes to the questionnaire for ${ctx.vendorName}`,
    text: `Hello ${to.name},

Thank you for your answers. Our reviewers have questions about ${questionCount} of them${message ? `:\n\n${message}\n` : '.'}

Open the questionnaire to see each comment; only the questioned answers can be changed. Please resubmit by ${ctx.dueOn}:
${LINK_PLACEHOLDER}

Earlier links no longer work.

${signOff(ctx)}`,
    purpose: 'assessment.changes_requested',
    link,
    ...related(ctx),
  };
}

export function colleagueMail(
  ctx: MailContext,
  to: { name: string; email: string },
  invitedBy: string,
  link: SecretLink,
): NewMail {
  return {
    to: to.email,
    subject: `${invitedBy} asks for your help with an AI supplier questionnaire from ${ctx.organisation}`,
    text: `Hello ${to.name},

${invitedBy} invited you to help answer "${ctx.templateTitle}" for ${ctx.vendorName}, which ${ctx.organisation} asked for by ${ctx.dueOn}.

Your own link (no account needed; answers save as you go):
${LINK_PLACEHOLDER}

${signOff(ctx)}`,
    purpose: 'assessment.colleague_invited',
    link,
    ...related(ctx),
  };
}

export function submittedNotice(ctx: MailContext, respondent: string, resubmission: boolean): NewMail {
  return {
    to: ctx.sender.email,
    subject: `${ctx.vendorName} ${resubmission ? 'resubmitted' : 'submitted'} the AI supplier questionnaire`,
    text: `${respondent} ${resubmission ? 'resubmitted' : 'submitted'} "${ctx.templateTitle}" for ${ctx.vendorName}.

The answers are locked and ready for review in Sightline (assessment ${ctx.assessmentId}).
`,
    purpose: 'assessment.submitted_notice',
    ...related(ctx),
  };
}
