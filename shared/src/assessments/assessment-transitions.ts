import type { AssessmentState } from './assessment-states';

/**
 * What moves an assessment from one state to the next. Each event names who may cause it, so the
 * table doubles as documentation of the lifecycle:
 * - send: procurement sends a draft, or re-issues an expired one with a new due date;
 * - start: the vendor saves a first answer;
 * - submit / resubmit: the vendor submits (answers lock);
 * - request_changes: a reviewer sends questions back (only the questioned answers unlock);
 * - start_review: a reviewer takes a submitted questionnaire into review;
 * - decide: an approver records a decision (a later issue; the state is here already);
 * - expire: the due date plus the org's grace period passed before a submission;
 * - revoke: procurement withdraws the questionnaire; every link stops working.
 */
export const assessmentEvents = [
  'send',
  'start',
  'submit',
  'request_changes',
  'start_review',
  'decide',
  'expire',
  'revoke',
] as const;
export type AssessmentEvent = (typeof assessmentEvents)[number];

/** Open to the vendor: answers can still change (or will after a changes-requested round). */
const vendorOpen = ['sent', 'in_progress', 'changes_requested'] as const;

/** event → state it leads to, and the states it may start from. Anything not listed is refused. */
export const assessmentTransitions: Record<
  AssessmentEvent,
  { to: AssessmentState; from: readonly AssessmentState[] }
> = {
  send: { to: 'sent', from: ['draft', 'expired'] },
  start: { to: 'in_progress', from: ['sent'] },
  submit: { to: 'submitted', from: vendorOpen },
  request_changes: { to: 'changes_requested', from: ['submitted', 'under_review'] },
  start_review: { to: 'under_review', from: ['submitted'] },
  decide: { to: 'decided', from: ['under_review'] },
  expire: { to: 'expired', from: vendorOpen },
  revoke: {
    to: 'revoked',
    from: ['draft', 'sent', 'in_progress', 'submitted', 'changes_requested', 'under_review'],
  },
};

export type TransitionResult = { ok: true; to: AssessmentState } | { ok: false; reason: string };

/** The state `event` leads to from `from`, or why it is refused (pure; the server audits the result). */
export function transition(from: AssessmentState, event: AssessmentEvent): TransitionResult {
  const rule = assessmentTransitions[event];
  if (rule.from.includes(from)) return { ok: true, to: rule.to };
  return {
    ok: false,
    reason: `an assessment that is ${stateLabels[from].toLowerCase()} cannot be ${eventPastTense[event]}`,
  };
}

export function canTransition(from: AssessmentState, event: AssessmentEvent): boolean {
  return assessmentTransitions[event].from.includes(from);
}

/** States in which the vendor's link works for answering (reading works until a decision too). */
export const vendorEditableStates: readonly AssessmentState[] = vendorOpen;

/** States in which reminders go out and the link can be re-issued. */
export const awaitingVendorStates: readonly AssessmentState[] = vendorOpen;

/** States a link can no longer be used in at all: the vendor gets 410 with whom to contact. */
export const closedToVendorStates: readonly AssessmentState[] = ['draft', 'expired', 'revoked'];

export const stateLabels: Record<AssessmentState, string> = {
  draft: 'Draft',
  sent: 'Sent',
  in_progress: 'In progress',
  submitted: 'Submitted',
  changes_requested: 'Changes requested',
  under_review: 'Under review',
  decided: 'Decided',
  expired: 'Expired',
  revoked: 'Revoked',
};

const eventPastTense: Record<AssessmentEvent, string> = {
  send: 'sent',
  start: 'started',
  submit: 'submitted',
  request_changes: 'sent back for changes',
  start_review: 'taken into review',
  decide: 'decided',
  expire: 'expired',
  revoke: 'revoked',
};
